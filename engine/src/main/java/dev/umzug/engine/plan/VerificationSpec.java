package dev.umzug.engine.plan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks after the migration.
 *
 * @param checksums compare SHA-256 checksums of every object and file at source and target
 * @param report where to write the verification report, absolute; empty means beside the output
 */
public record VerificationSpec(boolean checksums, Optional<Path> report) {

  private static final VerificationSpec DEFAULTS = new VerificationSpec(true, Optional.empty());

  public VerificationSpec {
    Objects.requireNonNull(report, "report");
  }

  public static VerificationSpec defaults() {
    return DEFAULTS;
  }
}
