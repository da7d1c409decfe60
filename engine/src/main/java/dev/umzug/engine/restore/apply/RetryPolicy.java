package dev.umzug.engine.restore.apply;

import java.time.Duration;

/**
 * How often and how patiently a failed request is sent again: exponential backoff from {@code
 * initialDelay}, doubling up to {@code maxDelay}, at most {@code maxAttempts} sends in all. A
 * server's Retry-After wins over the backoff, up to {@code maxDelay}.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** 8 attempts, 200 ms doubling to 30 s: rides out about a minute of trouble. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  Duration backoff(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
    long millis = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}
