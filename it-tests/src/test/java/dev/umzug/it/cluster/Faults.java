package dev.umzug.it.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted failures of the test cluster, as an overloaded or flaky API server gives them: the next
 * N requests that match a method and a path fragment get a status (429 with Retry-After, 500, 503,
 * 409 Conflict on updates) or a slow answer. Thread-safe; counts what it injected.
 */
final class Faults {

  /** One scripted fault. {@code status} 0 means: answer normally, but after {@code delay}. */
  record Fault(String method, String pathContains, int status, String reason, int retryAfterSeconds,
      Duration delay, AtomicInteger remaining) {

    boolean matches(String m, String path) {
      return (method == null || method.equals(m)) && (pathContains == null || path.contains(pathContains));
    }
  }

  private final List<Fault> faults = new ArrayList<>();
  private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

  synchronized void add(Fault fault) {
    faults.add(fault);
  }

  /** The fault for this request, if one is due; counts it. */
  synchronized Fault take(String method, String path) {
    for (Fault f : faults) {
      if (f.remaining().get() > 0 && f.matches(method, path)) {
        f.remaining().decrementAndGet();
        String label = f.status() == 0 ? "slow " + f.delay().toMillis() + " ms" : "HTTP " + f.status();
        injected.computeIfAbsent(label, k -> new AtomicInteger()).incrementAndGet();
        return f;
      }
    }
    return null;
  }

  /** What was injected, by label ({@code HTTP 429}, {@code slow 300 ms}). */
  Map<String, Integer> injected() {
    Map<String, Integer> out = new TreeMap<>();
    injected.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Whether every scripted fault was used up. */
  synchronized boolean exhausted() {
    return faults.stream().allMatch(f -> f.remaining().get() == 0);
  }
}
