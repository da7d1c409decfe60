package dev.umzug.engine.restore.apply;

import dev.umzug.engine.restore.apply.GateResult.Status;
import dev.umzug.engine.spi.ResourceRef;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a restore did: one result per object in apply order, the gates, the retries by cause,
 * the cluster-scoped objects left out on purpose, and why the restore stopped early if it did.
 *
 * @param notRestored cluster-scoped objects of the snapshot that a restore does not apply, with the
 *     reason ({@link ClusterScopedPolicy})
 * @param stoppedBecause empty when every step ran; otherwise why the restore stopped
 * @param requests requests sent to the target
 */
public record RestoreResult(
    boolean dryRun,
    List<ObjectResult> objects,
    List<GateResult> gates,
    Map<String, Long> retries,
    Map<ResourceRef, String> notRestored,
    String stoppedBecause,
    long requests) {

  public RestoreResult {
    objects = List.copyOf(objects);
    gates = List.copyOf(gates);
    retries = Map.copyOf(retries);
    notRestored = Map.copyOf(notRestored);
    stoppedBecause = stoppedBecause == null ? "" : stoppedBecause;
  }

  /** Objects per outcome, every outcome present. */
  public Map<ApplyOutcome, Long> counts() {
    Map<ApplyOutcome, Long> counts = new EnumMap<>(ApplyOutcome.class);
    for (ApplyOutcome o : ApplyOutcome.values()) {
      counts.put(o, 0L);
    }
    objects.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
    return counts;
  }

  /** True when every object is on the target as intended and every gate passed. */
  public boolean complete() {
    return stoppedBecause.isEmpty()
        && objects.stream().allMatch(r -> r.outcome().ok())
        && gates.stream().noneMatch(g -> g.status() == Status.FAILED);
  }

  public long retryCount() {
    return retries.values().stream().mapToLong(Long::longValue).sum();
  }
}
