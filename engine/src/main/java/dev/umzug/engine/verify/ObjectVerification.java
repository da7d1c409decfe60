package dev.umzug.engine.verify;

import dev.umzug.engine.spi.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * The verdict for one object, with the differing fields for a {@link Status#MISMATCH}.
 *
 * @param digest SHA-256 of the canonical JSON of the intended object; {@code null} for objects that
 *     must be absent, and for Secrets, whose plain digest would let a reader test guesses of a short
 *     value (as in the snapshot manifest)
 * @param journal whether the restore journal recorded this digest as applied: {@link
 *     JournalCheck#NOT_CHECKED} when verify ran without a journal
 */
public record ObjectVerification(
    ResourceRef ref, Status status, List<FieldDifference> differences, String digest, JournalCheck journal) {

  /** What the restore journal says about the intended digest. */
  public enum JournalCheck {
    /** The journal records exactly this content as applied. */
    SAME_DIGEST,
    /** The journal records other content as applied: the plan or the snapshot changed since the restore. */
    OTHER_DIGEST,
    /** The journal has no applied entry for the object. */
    NOT_APPLIED,
    NOT_CHECKED
  }

  public ObjectVerification(ResourceRef ref, Status status, List<FieldDifference> differences) {
    this(ref, status, differences, null, JournalCheck.NOT_CHECKED);
  }

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
    UNEXPECTEDLY_PRESENT,
    /**
     * A cluster-wide object the restore only creates when absent (a CRD, a ClusterRole): present;
     * its content is not compared, because the target may own it (an operator installed there).
     */
    PRESENT;

    public boolean failed() {
      return this == MISMATCH || this == MISSING || this == UNEXPECTEDLY_PRESENT;
    }
  }

  public ObjectVerification {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(status, "status");
    differences = List.copyOf(differences);
    journal = journal == null ? JournalCheck.NOT_CHECKED : journal;
  }
}
