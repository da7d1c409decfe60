package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.error.ClusterAccessException;
import dev.umzug.engine.restore.Dependency;
import dev.umzug.engine.restore.Gate;
import dev.umzug.engine.restore.PlannedStep;
import dev.umzug.engine.restore.RestoreItem;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.restore.RestorePlan;
import dev.umzug.engine.restore.apply.ClusterScopedPolicy.Treatment;
import dev.umzug.engine.spi.ResourceRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a {@link RestorePlan} to a {@link Target}, step by step in {@link
 * dev.umzug.engine.restore.RestoreOrder}: the objects of a step in parallel on a bounded pool,
 * every request through one rate limiter, failures retried with backoff; then the step's gates.
 *
 * <p>An object whose dependency (from the plan, or its namespace) was not applied is not sent. A
 * failed gate stops the restore before the next step; the journal holds what was applied, so the
 * same restore run again continues from there. A {@link TargetException.Kind#FATAL} failure
 * (credentials, unreachable target) stops at once as a {@link ClusterAccessException}.
 */
public final class Restorer {

  private final RestoreOptions options;
  private final Retrier retrier;
  private final Clock clock;

  public Restorer(RestoreOptions options, Retrier retrier, Clock clock) {
    this.options = options;
    this.retrier = retrier;
    this.clock = clock;
  }

  public Restorer(RestoreOptions options) {
    this(options, new Retrier(options.retry()), Clock.systemUTC());
  }

  /**
   * @param journal the restore's journal; {@code null} for a dry run
   * @param volumeData whether the snapshot holds volume data
   */
  public RestoreResult run(RestorePlan plan, Target target, RestoreJournal journal, boolean volumeData,
      RestoreListener listener) {
    if (journal == null && !options.dryRun()) {
      throw new IllegalArgumentException("a restore that writes needs a journal");
    }
    ThrottledTarget throttled = new ThrottledTarget(target, new RateLimiter(options.qps(), options.burst()));
    JournalLog log = new JournalLog(options.dryRun() ? null : journal);
    ObjectApplier applier = new ObjectApplier(throttled, retrier, options, log);
    Run run = new Run(plan, listener);
    ExecutorService pool = Executors.newFixedThreadPool(options.workers(), daemonThreads());
    GateChecker gates = new GateChecker(throttled, retrier, options, clock, volumeData, pool);
    try {
      for (PlannedStep step : plan.steps()) {
        if (!run.stoppedBecause.isEmpty()) {
          run.notAttempted(step, "the restore stopped before this step: " + run.stoppedBecause);
          continue;
        }
        List<RestoreTask> applied = run.applyStep(step, applier, pool);
        if (!options.dryRun()) {
          for (Gate gate : step.step().gates()) {
            GateResult result = gates.check(step.step().id(), gate, applied);
            run.gates.add(result);
            listener.onGate(result);
            if (result.status() == GateResult.Status.FAILED) {
              run.stoppedBecause = "gate '" + gate.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                  + "' of step '" + step.step().id() + "' failed";
            }
          }
        }
      }
    } catch (TargetException e) {
      String message = e.getMessage().startsWith(target.describe()) ? e.getMessage()
          : target.describe() + ": " + e.getMessage();
      throw new ClusterAccessException(message, e.status(), e);
    } finally {
      pool.shutdownNow();
    }
    return new RestoreResult(options.dryRun(), run.results, run.gates, retrier.counts(), run.notRestored,
        run.stoppedBecause, throttled.requests());
  }

  /** The state of one run. */
  private final class Run {

    private final RestoreListener listener;
    private final List<ObjectResult> results = new ArrayList<>();
    private final List<GateResult> gates = new ArrayList<>();
    private final Map<ResourceRef, String> notRestored = new TreeMap<>();
    private final Set<ResourceRef> notApplied = new HashSet<>();
    private final Map<ResourceRef, List<ResourceRef>> dependencies = new java.util.HashMap<>();
    private String stoppedBecause = "";

    Run(RestorePlan plan, RestoreListener listener) {
      this.listener = listener;
      for (Dependency d : plan.dependencies()) {
        dependencies.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(d.to());
      }
    }

    /** Applies a step's objects in parallel; returns the tasks that are on the target now. */
    List<RestoreTask> applyStep(PlannedStep step, ObjectApplier applier, ExecutorService pool) {
      List<RestoreTask> tasks = new ArrayList<>();
      for (RestoreItem item : step.items()) {
        if (ClusterScopedPolicy.of(item.ref()) == Treatment.NOT_RESTORED) {
          notRestored.put(item.ref(), ClusterScopedPolicy.reasonFor(item.ref()));
          continue;
        }
        tasks.add(RestoreTask.of(item.ref(), (ObjectNode) item.content(), step.step().id()));
      }
      listener.onStep(step.step().id(), tasks.size());
      List<Future<ObjectResult>> futures = new ArrayList<>();
      List<ObjectResult> skipped = new ArrayList<>();
      for (RestoreTask task : tasks) {
        String missing = missingDependency(task.ref());
        if (missing != null) {
          futures.add(null);
          skipped.add(ObjectResult.of(task, ApplyOutcome.NOT_ATTEMPTED,
              "depends on " + missing + ", which is not on the target", List.of()));
        } else {
          futures.add(pool.submit(() -> {
            ObjectResult r = applier.apply(task);
            listener.onObject(r);
            return r;
          }));
        }
      }
      List<RestoreTask> applied = new ArrayList<>();
      int s = 0;
      for (int i = 0; i < tasks.size(); i++) {
        ObjectResult r = futures.get(i) == null ? skipped.get(s++) : await(futures.get(i));
        if (futures.get(i) == null) {
          listener.onObject(r);
        }
        results.add(r);
        if (r.outcome().ok() || r.outcome() == ApplyOutcome.SKIPPED) {
          applied.add(tasks.get(i));
        } else {
          notApplied.add(r.ref());
        }
      }
      return applied;
    }

    void notAttempted(PlannedStep step, String reason) {
      for (RestoreItem item : step.items()) {
        if (ClusterScopedPolicy.of(item.ref()) == Treatment.NOT_RESTORED) {
          notRestored.put(item.ref(), ClusterScopedPolicy.reasonFor(item.ref()));
          continue;
        }
        RestoreTask task = RestoreTask.of(item.ref(), (ObjectNode) item.content(), step.step().id());
        ObjectResult r = ObjectResult.of(task, ApplyOutcome.NOT_ATTEMPTED, reason, List.of());
        results.add(r);
        listener.onObject(r);
      }
    }

    private String missingDependency(ResourceRef ref) {
      if (ref.isNamespaced()) {
        ResourceRef ns = new ResourceRef("", "Namespace", null, ref.namespace());
        if (notApplied.contains(ns)) {
          return ns.toString();
        }
      }
      for (ResourceRef to : dependencies.getOrDefault(ref, List.of())) {
        if (notApplied.contains(to)) {
          return to.toString();
        }
      }
      return null;
    }

    private ObjectResult await(Future<ObjectResult> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException(TargetException.Kind.FATAL, 0, "interrupted", "restore interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "umzug-restore");
      t.setDaemon(true);
      return t;
    };
  }
}
