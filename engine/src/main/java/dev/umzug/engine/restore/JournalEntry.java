package dev.umzug.engine.restore;

import dev.umzug.engine.spi.ResourceRef;
import java.util.Objects;

/**
 * One line of a {@link RestoreJournal}.
 *
 * @param sequence 1, 2, 3, ... in file order (the header line is 0)
 * @param ref the object
 * @param digest lower-case hex SHA-256 of the canonical JSON of the content applied (or to be
 *     applied, for {@link Outcome#STARTED})
 * @param step the {@link RestoreStep#id()} the object belongs to
 * @param outcome what happened
 * @param reason why, for {@link Outcome#SKIPPED} and {@link Outcome#FAILED}; empty otherwise. Never
 *     contains object content.
 */
public record JournalEntry(long sequence, ResourceRef ref, String digest, String step, Outcome outcome, String reason) {

  /** What an entry records. */
  public enum Outcome {
    /** Written and forced to disk before the apply call; the result follows in a later entry. */
    STARTED,
    /** The object did not exist and was created. */
    CREATED,
    /** The object existed with other content and was updated to this content. */
    UPDATED,
    /** The object existed with this content already. */
    UNCHANGED,
    /** Not applied on purpose (reason says why); nothing was sent to the cluster. */
    SKIPPED,
    /** The cluster refused the object (reason says why); it is not applied. */
    FAILED;

    /** Whether the content may be on the cluster after this entry. */
    public boolean mayHaveApplied() {
      return this == STARTED || this == CREATED || this == UPDATED || this == UNCHANGED;
    }

    /** Whether the content is known to be on the cluster after this entry. */
    public boolean applied() {
      return this == CREATED || this == UPDATED || this == UNCHANGED;
    }
  }

  public JournalEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(step, "step");
    if (digest == null || !digest.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("journal entry for " + ref + ": digest must be 64 lower-case hex digits");
    }
    reason = reason == null ? "" : reason;
  }
}
