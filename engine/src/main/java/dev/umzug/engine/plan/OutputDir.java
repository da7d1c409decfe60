package dev.umzug.engine.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Rewritten objects written as YAML files rather than applied to a cluster.
 *
 * @param path the output directory, absolute
 */
public record OutputDir(Path path) implements TargetSpec.Destination {

  public OutputDir {
    Objects.requireNonNull(path, "path");
  }
}
