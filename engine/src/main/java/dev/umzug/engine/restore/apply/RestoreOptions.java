package dev.umzug.engine.restore.apply;

import dev.umzug.engine.plan.ConflictPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a restore talks to the target.
 *
 * @param policy what to do with an object that exists and differs
 * @param strategy how an existing object is changed when the policy is {@code update}
 * @param workers objects of one step applied at once
 * @param qps requests per second allowed on average, over all workers (0 = unlimited)
 * @param burst requests allowed at once above the average
 * @param dryRun validate every object with a server-side dry run and write nothing
 * @param gateTimeout how long a readiness gate may take before the restore stops
 * @param pollInterval how often a gate reads the objects it waits for
 * @param waitForWorkloads whether the workloads gate is waited for (off: checked once, reported)
 * @param retry how failed requests are retried
 */
public record RestoreOptions(
    ConflictPolicy policy,
    Strategy strategy,
    int workers,
    double qps,
    int burst,
    boolean dryRun,
    Duration gateTimeout,
    Duration pollInterval,
    boolean waitForWorkloads,
    RetryPolicy retry) {

  /** How an existing object that differs is brought to the intent. */
  public enum Strategy {
    /**
     * Read, lay the intent over the live object and replace it (PUT) with the resourceVersion
     * read; retried on a conflict. Works on every server, the test cluster included.
     */
    REPLACE,
    /** Server-side apply with field manager {@code umzug} and {@code force}; real servers only. */
    SERVER_SIDE_APPLY
  }

  public static final int DEFAULT_WORKERS = 24;
  public static final double DEFAULT_QPS = 500;
  public static final int DEFAULT_BURST = 1000;

  public RestoreOptions {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(gateTimeout, "gateTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(retry, "retry");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    if (qps < 0 || burst < 1) {
      throw new IllegalArgumentException("qps must be at least 0 and burst at least 1");
    }
  }

  /**
   * The defaults for a policy: 24 workers (measured best against a 10 ms round trip, docs/benchmarks.md), 500 requests/s with bursts of 1000 (a real API server
   * protects itself with priority and fairness and answers 429, which is retried), 10-minute gates.
   */
  public static RestoreOptions defaults(ConflictPolicy policy) {
    return new RestoreOptions(policy, Strategy.REPLACE, DEFAULT_WORKERS, DEFAULT_QPS, DEFAULT_BURST, false,
        Duration.ofMinutes(10), Duration.ofSeconds(2), true, RetryPolicy.defaults());
  }

  public RestoreOptions withWorkers(int n) {
    return new RestoreOptions(policy, strategy, n, qps, burst, dryRun, gateTimeout, pollInterval, waitForWorkloads, retry);
  }

  public RestoreOptions withRate(double newQps, int newBurst) {
    return new RestoreOptions(policy, strategy, workers, newQps, newBurst, dryRun, gateTimeout, pollInterval,
        waitForWorkloads, retry);
  }

  public RestoreOptions withDryRun(boolean on) {
    return new RestoreOptions(policy, strategy, workers, qps, burst, on, gateTimeout, pollInterval, waitForWorkloads, retry);
  }

  public RestoreOptions withStrategy(Strategy s) {
    return new RestoreOptions(policy, s, workers, qps, burst, dryRun, gateTimeout, pollInterval, waitForWorkloads, retry);
  }

  public RestoreOptions withGates(Duration timeout, Duration poll, boolean workloads) {
    return new RestoreOptions(policy, strategy, workers, qps, burst, dryRun, timeout, poll, workloads, retry);
  }

  public RestoreOptions withRetry(RetryPolicy r) {
    return new RestoreOptions(policy, strategy, workers, qps, burst, dryRun, gateTimeout, pollInterval, waitForWorkloads, r);
  }
}
