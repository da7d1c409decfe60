package dev.umzug.engine.restore.apply;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Sends requests again when {@link TargetException.Kind#retryable()} says it may help, waiting as
 * the {@link RetryPolicy} says, and counts every retry by its cause so that the report can say what
 * was retried. Thread-safe.
 */
public final class Retrier {

  /** Waits; tests pass one that only records. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();

  public Retrier(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  public Retrier(RetryPolicy policy) {
    this(policy, d -> Thread.sleep(d.toMillis()));
  }

  /** Runs {@code call}, again after retryable failures; the last failure is thrown. */
  public <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (TargetException e) {
        if (!e.kind().retryable() || attempt >= policy.maxAttempts()) {
          throw e;
        }
        count(e.label());
        pause(policy.backoff(attempt, e.retryAfter().orElse(null)));
      }
    }
  }

  /** Counts a retry the caller makes itself (a conflict re-read, a dependency not served yet). */
  public void count(String cause) {
    retries.computeIfAbsent(cause, k -> new LongAdder()).increment();
  }

  /** Waits, turning an interrupt into a {@link TargetException} of kind FATAL. */
  public void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException(TargetException.Kind.FATAL, 0, "interrupted", "interrupted while waiting to retry");
    }
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** Retries so far by cause, sorted. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    retries.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
