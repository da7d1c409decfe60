package dev.umzug.cli;

import java.nio.file.Path;

/** Paths as the operator sees them: relative to the working directory when they lie below it. */
final class Paths {

  private Paths() {}

  static Path display(Path path) {
    if (path == null) {
      return null;
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : path;
  }
}
