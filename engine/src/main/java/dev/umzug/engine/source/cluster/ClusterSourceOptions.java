package dev.umzug.engine.source.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to read from a cluster and how hard to push it.
 *
 * @param namespaces the namespaces to read, at least one; each must exist
 * @param pageSize objects per list request ({@code limit}); the API server may return fewer
 * @param parallelism list requests in flight at most; also bounds the pages held in memory
 * @param excludedResources resources never read, as kubectl names them ({@code events}, {@code
 *     events.events.k8s.io}); see {@link #DEFAULT_EXCLUDED}
 * @param retries how often the HTTP client retries a failed connection, or {@code null} for the
 *     client's own default (10, with exponential back-off: about 20 s against a closed port)
 */
public record ClusterSourceOptions(
    List<String> namespaces,
    int pageSize,
    int parallelism,
    Set<String> excludedResources,
    Integer retries) {

  /**
   * Not workload state, so not worth moving: events expire within an hour on the source and would
   * be stale on the target; pod metrics are computed by the metrics server, not stored.
   */
  public static final Set<String> DEFAULT_EXCLUDED =
      Set.of("events", "events.events.k8s.io", "pods.metrics.k8s.io");

  public static final int DEFAULT_PAGE_SIZE = 500;
  public static final int DEFAULT_PARALLELISM = 4;

  public ClusterSourceOptions {
    Objects.requireNonNull(namespaces, "namespaces");
    if (namespaces.isEmpty()) {
      throw new IllegalArgumentException("at least one namespace");
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
    }
    namespaces = List.copyOf(new TreeSet<>(namespaces));
    excludedResources = Set.copyOf(excludedResources);
  }

  /** The defaults, for the given namespaces. */
  public static ClusterSourceOptions of(List<String> namespaces) {
    return new ClusterSourceOptions(
        namespaces, DEFAULT_PAGE_SIZE, DEFAULT_PARALLELISM, DEFAULT_EXCLUDED, null);
  }

  public ClusterSourceOptions withPageSize(int newPageSize) {
    return new ClusterSourceOptions(namespaces, newPageSize, parallelism, excludedResources, retries);
  }

  public ClusterSourceOptions withParallelism(int newParallelism) {
    return new ClusterSourceOptions(namespaces, pageSize, newParallelism, excludedResources, retries);
  }

  public ClusterSourceOptions withRetries(int newRetries) {
    return new ClusterSourceOptions(namespaces, pageSize, parallelism, excludedResources, newRetries);
  }
}
