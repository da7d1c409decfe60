package dev.umzug.engine.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A store in a local directory.
 *
 * @param path the directory, absolute; by default {@code .umzug/store} beside the plan
 */
public record LocalStore(Path path) implements StoreSpec {

  /** Where the store is when the plan names none, relative to the plan's directory. */
  public static final String DEFAULT_PATH = ".umzug/store";

  public LocalStore {
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String type() {
    return "local";
  }
}
