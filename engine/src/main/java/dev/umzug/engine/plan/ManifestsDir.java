package dev.umzug.engine.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Objects read from YAML files, e.g. exported with {@code kubectl get -o yaml}.
 *
 * @param path a directory (read recursively) or a single file, absolute
 */
public record ManifestsDir(Path path) implements SourceSpec.Origin {

  public ManifestsDir {
    Objects.requireNonNull(path, "path");
  }
}
