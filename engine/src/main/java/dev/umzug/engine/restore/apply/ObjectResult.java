package dev.umzug.engine.restore.apply;

import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.verify.FieldDifference;
import java.util.List;
import java.util.Objects;

/**
 * What a restore did with one object.
 *
 * @param ref the object, as restored (rewritten, e.g. renamed namespace)
 * @param step the restore-order step it belongs to
 * @param digest SHA-256 of the canonical JSON of the content applied
 * @param outcome what happened
 * @param reason why, for skipped, failed and not-attempted objects; never object content
 * @param differences for an existing object that differed (updated, skipped, failed, would-update):
 *     the fields that differed; Secret values redacted
 */
public record ObjectResult(
    ResourceRef ref, String step, String digest, ApplyOutcome outcome, String reason, List<FieldDifference> differences) {

  public ObjectResult {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(outcome, "outcome");
    reason = reason == null ? "" : reason;
    differences = differences == null ? List.of() : List.copyOf(differences);
  }

  static ObjectResult of(RestoreTask task, ApplyOutcome outcome, String reason, List<FieldDifference> diffs) {
    return new ObjectResult(task.ref(), task.step(), task.digest(), outcome, reason, diffs);
  }
}
