package dev.umzug.engine.verify;

import dev.umzug.engine.verify.ObjectVerification.Status;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of verifying a restore against the target: one verdict per object, sorted by
 * reference, and the root digest of the snapshot the intent came from, so that the report can be
 * tied to the signed snapshot manifest.
 */
public record VerificationReport(String snapshotDigest, List<ObjectVerification> objects) {

  public VerificationReport {
    Objects.requireNonNull(snapshotDigest, "snapshotDigest");
    objects = objects.stream().sorted(Comparator.comparing(ObjectVerification::ref)).toList();
  }

  /** How many objects have each status; every status is present, with 0 when none. */
  public Map<Status, Long> counts() {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0L);
    }
    objects.forEach(o -> counts.merge(o.status(), 1L, Long::sum));
    return counts;
  }

  /** True when no object is mismatched, missing or unexpectedly present. */
  public boolean passed() {
    return objects.stream().noneMatch(o -> o.status().failed());
  }
}
