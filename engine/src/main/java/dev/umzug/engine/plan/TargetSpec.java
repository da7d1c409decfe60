package dev.umzug.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the workloads go.
 *
 * @param provider provider id, e.g. {@code ionos}; checked against the registry by the caller
 * @param destination a live cluster, or a directory the rewritten objects are written to
 */
public record TargetSpec(String provider, Destination destination) {

  /** A live cluster or an output directory. */
  public sealed interface Destination permits ClusterAccess, OutputDir {}

  public TargetSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(destination, "destination");
  }

  public Optional<ClusterAccess> cluster() {
    return destination instanceof ClusterAccess c ? Optional.of(c) : Optional.empty();
  }

  public Optional<OutputDir> output() {
    return destination instanceof OutputDir o ? Optional.of(o) : Optional.empty();
  }
}
