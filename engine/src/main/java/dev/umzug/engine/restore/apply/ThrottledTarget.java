package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.ResourceRef;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A {@link Target} whose requests pass a shared {@link RateLimiter} first, and are counted: the
 * client-side rate limit ({@code --qps}, {@code --burst}) of a restore.
 */
final class ThrottledTarget implements Target {

  private final Target target;
  private final RateLimiter limiter;
  private final LongAdder requests = new LongAdder();

  ThrottledTarget(Target target, RateLimiter limiter) {
    this.target = target;
    this.limiter = limiter;
  }

  long requests() {
    return requests.sum();
  }

  @Override
  public String describe() {
    return target.describe();
  }

  @Override
  public Optional<ObjectNode> get(ResourceRef ref, String apiVersion) {
    return limited(() -> target.get(ref, apiVersion));
  }

  @Override
  public ObjectNode create(ObjectNode object, boolean dryRun) {
    return limited(() -> target.create(object, dryRun));
  }

  @Override
  public ObjectNode replace(ObjectNode object, boolean dryRun) {
    return limited(() -> target.replace(object, dryRun));
  }

  @Override
  public ObjectNode apply(ObjectNode object, boolean dryRun) {
    return limited(() -> target.apply(object, dryRun));
  }

  @Override
  public boolean serves(String apiVersion, String kind) {
    return limited(() -> target.serves(apiVersion, kind));
  }

  private <T> T limited(Supplier<T> call) {
    try {
      limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException(TargetException.Kind.FATAL, 0, "interrupted", "interrupted while rate-limited");
    }
    requests.increment();
    return call.get();
  }
}
