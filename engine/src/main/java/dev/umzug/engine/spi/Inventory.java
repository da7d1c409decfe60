package dev.umzug.engine.spi;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from the source, for cross-references. Every object's reference is known; the
 * whole content is kept only for the small kinds that other objects point at (StorageClass,
 * PersistentVolume,
 * ServiceAccount, IngressClass, PriorityClass, Namespace, CustomResourceDefinition,
 * VolumeSnapshotClass, SecretProviderClass, SecretStore, ClusterSecretStore), so that memory does not
 * grow with the number of workloads.
 */
public interface Inventory {

  boolean contains(ResourceRef ref);

  /** The full object, for the kinds listed above; empty for others or when absent. */
  Optional<ResourceView> get(ResourceRef ref);

  /** Every retained object of one kind, in reference order. */
  List<ResourceView> all(String group, String kind);

  /** Number of objects read. */
  long size();
}
