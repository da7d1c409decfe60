package dev.umzug.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the workloads come from.
 *
 * @param provider provider id, e.g. {@code aws-eks}; checked against the registry by the caller
 * @param origin the one place the objects are read from
 */
public record SourceSpec(String provider, Origin origin) {

  /** A live cluster, a manifests directory, or a Velero backup. */
  public sealed interface Origin permits ClusterAccess, ManifestsDir, VeleroBackupRef {}

  public SourceSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(origin, "origin");
  }

  public Optional<ClusterAccess> cluster() {
    return origin instanceof ClusterAccess c ? Optional.of(c) : Optional.empty();
  }

  public Optional<ManifestsDir> manifests() {
    return origin instanceof ManifestsDir m ? Optional.of(m) : Optional.empty();
  }

  public Optional<VeleroBackupRef> veleroBackup() {
    return origin instanceof VeleroBackupRef v ? Optional.of(v) : Optional.empty();
  }
}
