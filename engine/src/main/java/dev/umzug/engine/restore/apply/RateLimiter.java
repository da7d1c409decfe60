package dev.umzug.engine.restore.apply;

/**
 * A token bucket shared by all workers: on average {@code qps} requests per second, up to {@code
 * burst} at once after a quiet spell (client-go's default limiter works the same way). A {@code
 * qps} of 0 means no limit.
 */
public final class RateLimiter {

  private final double qps;
  private final double burst;
  private double tokens;
  private long last;

  public RateLimiter(double qps, int burst) {
    this.qps = qps;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Blocks until a request may be sent. */
  public void acquire() throws InterruptedException {
    if (qps <= 0) {
      return;
    }
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) * qps / 1e9);
      last = now;
      tokens -= 1;
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens / qps * 1e9);
    }
    if (waitNanos > 0) {
      java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
    }
  }
}
