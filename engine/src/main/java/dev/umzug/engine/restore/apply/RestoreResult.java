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
  /**
   * Whether something went wrong: an object failed or was not attempted, a gate failed, or the
   * restore stopped. Objects left alone by conflict policy {@code skip} are not failures: the
   * operator asked for that, although the target then does not hold the intent ({@link #complete()}
   * is false).
   */
  public boolean failed() {
    return !stoppedBecause.isEmpty()
        || objects.stream().anyMatch(r -> r.outcome() == ApplyOutcome.FAILED || r.outcome() == ApplyOutcome.NOT_ATTEMPTED)
        || gates.stream().anyMatch(g -> g.status() == Status.FAILED);
  }

  public boolean complete() {
    return stoppedBecause.isEmpty()
        && objects.stream().allMatch(r -> r.outcome().ok())
        && gates.stream().noneMatch(g -> g.status() == Status.FAILED);
  }

  public long retryCount() {
    return retries.values().stream().mapToLong(Long::longValue).sum();
  }
}
