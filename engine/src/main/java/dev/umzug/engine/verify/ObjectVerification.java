package dev.umzug.engine.verify;

import dev.umzug.engine.spi.ResourceRef;
import java.util.List;
import java.util.Objects;

/** The verdict for one object, with the differing fields for a {@link Status#MISMATCH}. */
public record ObjectVerification(ResourceRef ref, Status status, List<FieldDifference> differences) {

  /** What the target shows for the object. */
  public enum Status {
    /** Present, and every intended field has its intended value. */
    CONFIRMED,
    /** Present, but some intended fields are missing or have other values. */
    MISMATCH,
    /** Intended, but not on the target. */
    MISSING,
    /** Dropped by the plan's rules, and absent from the target as intended. */
    ABSENT_AS_INTENDED,
    /** Dropped by the plan's rules, yet present on the target. */
    UNEXPECTEDLY_PRESENT;

    public boolean failed() {
      return this == MISMATCH || this == MISSING || this == UNEXPECTEDLY_PRESENT;
    }
  }

  public ObjectVerification {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(status, "status");
    differences = List.copyOf(differences);
  }
}
