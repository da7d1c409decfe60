package dev.umzug.engine.source.cluster;

import dev.umzug.engine.spi.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * One PersistentVolumeClaim as the volume phase needs it.
 *
 * @param claim the claim
 * @param requested {@code spec.resources.requests.storage}, e.g. {@code 10Gi}, or {@code null}
 * @param capacity {@code status.capacity.storage} once bound (may exceed the request), or {@code
 *     null}
 * @param accessModes {@code spec.accessModes}, as given
 * @param storageClass {@code spec.storageClassName}, or {@code null}
 * @param volumeName the bound PersistentVolume, or {@code null}
 * @param volumeMode {@code Filesystem} or {@code Block}; {@code Filesystem} when not given
 * @param mountedBy the workloads that mount it, sorted: Deployments, StatefulSets (also through
 *     {@code volumeClaimTemplates}), DaemonSets, Jobs, CronJobs, and Pods or ReplicaSets that no
 *     controller owns
 */
public record VolumeInventory(
    ResourceRef claim,
    String requested,
    String capacity,
    List<String> accessModes,
    String storageClass,
    String volumeName,
    String volumeMode,
    List<ResourceRef> mountedBy) {

  public VolumeInventory {
    Objects.requireNonNull(claim, "claim");
    accessModes = List.copyOf(accessModes);
    mountedBy = List.copyOf(mountedBy);
  }
}
