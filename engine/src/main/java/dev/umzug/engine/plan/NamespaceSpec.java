package dev.umzug.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One namespace to migrate.
 *
 * @param name the namespace in the source
 * @param renameTo the namespace in the target, when it differs
 */
public record NamespaceSpec(String name, Optional<String> renameTo) {

  public NamespaceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(renameTo, "renameTo");
  }

  /** The namespace in the target: the new name, or the same. */
  public String targetName() {
    return renameTo.orElse(name);
  }
}
