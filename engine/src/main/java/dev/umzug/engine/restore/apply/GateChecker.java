package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.restore.Gate;
import dev.umzug.engine.restore.apply.GateResult.Status;
import dev.umzug.engine.restore.apply.Readiness.State;
import dev.umzug.engine.restore.apply.Readiness.Verdict;
import dev.umzug.engine.spi.ResourceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for a step's gates against the live target: reads every object a gate concerns until all
 * are ready, one is {@link State#BROKEN}, or the timeout passes. Objects the restore did not manage
 * to apply are not waited for (their failure is reported already).
 */
final class GateChecker {

  private static final ResourceRef STORAGE_CLASS = new ResourceRef("storage.k8s.io", "StorageClass", null, "_");

  private final Target target;
  private final Retrier retrier;
  private final RestoreOptions options;
  private final Clock clock;
  private final boolean volumeData;
  private final java.util.concurrent.ExecutorService pool;

  /**
   * @param volumeData whether the snapshot holds volume data (otherwise the volume gate is not
   *     applicable)
   * @param pool the restore's workers: a gate over many objects reads them in parallel, through the
   *     same rate limit as every other request
   */
  GateChecker(Target target, Retrier retrier, RestoreOptions options, Clock clock, boolean volumeData,
      java.util.concurrent.ExecutorService pool) {
    this.pool = pool;
    this.target = target;
    this.retrier = retrier;
    this.options = options;
    this.clock = clock;
    this.volumeData = volumeData;
  }

  /** Checks one gate over the applied tasks of a step. */
  GateResult check(String step, Gate gate, List<RestoreTask> applied) {
    List<RestoreTask> concerned = applied.stream().filter(t -> Readiness.concerns(gate, t.ref())).toList();
    if (gate == Gate.VOLUME_DATA_RESTORED) {
      // the volume phase is not part of this restore: with no volume data there is nothing to wait for
      return new GateResult(step, gate, volumeData ? Status.FAILED : Status.NOT_APPLICABLE, 0,
          volumeData ? List.of("the snapshot holds volume data, which this restore cannot move yet") : List.of());
    }
    if (concerned.isEmpty()) {
      return new GateResult(step, gate, Status.NOT_APPLICABLE, 0, List.of());
    }
    boolean wait = gate != Gate.WORKLOADS_AVAILABLE || options.waitForWorkloads();
    Instant deadline = clock.instant().plus(options.gateTimeout());
    Map<String, Optional<JsonNode>> classes = new HashMap<>();
    List<RestoreTask> pending = new ArrayList<>(concerned);
    while (true) {
      List<String> problems = new ArrayList<>();
      List<RestoreTask> still = new ArrayList<>();
      boolean broken = false;
      List<java.util.concurrent.Future<Optional<JsonNode>>> reads = new ArrayList<>();
      for (RestoreTask t : pending) {
        reads.add(pool.submit(() -> retrier.call(() -> target.get(t.ref(), t.apiVersion())).map(n -> (JsonNode) n)));
      }
      for (int i = 0; i < pending.size(); i++) {
        RestoreTask t = pending.get(i);
        Optional<JsonNode> live = await(reads.get(i));
        Verdict v = live.isEmpty()
            ? Verdict.broken("is gone from the target")
            : Readiness.check(gate, t.ref(), live.get(),
                name -> classes.computeIfAbsent(name, n -> storageClass(n)));
        if (v.state() != State.READY) {
          still.add(t);
          problems.add(t.ref() + ": " + v.reason());
          broken |= v.state() == State.BROKEN;
        }
      }
      if (still.isEmpty()) {
        return new GateResult(step, gate, Status.PASSED, concerned.size(), List.of());
      }
      if (!wait) {
        return new GateResult(step, gate, Status.NOT_WAITED, concerned.size(), problems);
      }
      if (broken || !clock.instant().isBefore(deadline)) {
        if (!broken) {
          problems.add(0, "not ready within " + describe(options.gateTimeout()));
        }
        return new GateResult(step, gate, Status.FAILED, concerned.size(), problems);
      }
      pending = still;
      classes.clear();
      retrier.pause(options.pollInterval());
    }
  }

  private static <T> T await(java.util.concurrent.Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException(TargetException.Kind.FATAL, 0, "interrupted", "restore interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Optional<JsonNode> storageClass(String name) {
    ResourceRef ref = new ResourceRef(STORAGE_CLASS.group(), STORAGE_CLASS.kind(), null, name);
    return retrier.call(() -> target.get(ref, "storage.k8s.io/v1")).map(n -> (JsonNode) n);
  }

  static String describe(Duration d) {
    return d.toSeconds() >= 60 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toMillis() / 1000.0 + " s";
  }
}
