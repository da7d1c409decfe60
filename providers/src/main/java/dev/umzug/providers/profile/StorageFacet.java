package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider's storage looks like: what to recognise when it is the source, what to write when
 * it is the target.
 *
 * @param confidence how sure the facts are overall
 * @param blockProvisioners CSI block drivers (also VolumeSnapshotClass drivers)
 * @param inTreeProvisioners legacy in-tree provisioners
 * @param fileProvisioners RWX file drivers
 * @param otherProvisioners further vendor drivers to recognise (object storage mounts, ...)
 * @param inTreeVolumeSources PersistentVolume source fields of in-tree volumes, e.g.
 *     {@code awsElasticBlockStore}
 * @param tierParameter the StorageClass parameter that selects the disk type, e.g. {@code type}
 * @param tiers disk type value to tier, e.g. {@code gp3: ssd}
 * @param defaultTier tier when the parameter is absent
 * @param vendorParameters StorageClass parameters that mean nothing elsewhere
 * @param topologyKeys zone topology keys written by the drivers
 * @param storageClasses the classes a cluster offers
 * @param snapshots snapshot support
 * @param rwx shared file storage
 */
public record StorageFacet(
    Confidence confidence,
    List<String> blockProvisioners,
    List<String> inTreeProvisioners,
    List<String> fileProvisioners,
    List<String> otherProvisioners,
    List<String> inTreeVolumeSources,
    String tierParameter,
    Map<String, StorageTier> tiers,
    StorageTier defaultTier,
    List<String> vendorParameters,
    List<String> topologyKeys,
    List<StorageClassFact> storageClasses,
    SnapshotFact snapshots,
    RwxFact rwx) {

  public StorageFacet {
    Facts.required(confidence, "storage.confidence");
    blockProvisioners = Facts.list(blockProvisioners);
    inTreeProvisioners = Facts.list(inTreeProvisioners);
    fileProvisioners = Facts.list(fileProvisioners);
    otherProvisioners = Facts.list(otherProvisioners);
    inTreeVolumeSources = Facts.list(inTreeVolumeSources);
    tiers = Facts.map(tiers);
    Facts.required(defaultTier, "storage.defaultTier");
    vendorParameters = Facts.list(vendorParameters);
    topologyKeys = Facts.list(topologyKeys);
    storageClasses = Facts.list(storageClasses);
    Facts.required(snapshots, "storage.snapshots");
    Facts.required(rwx, "storage.rwx");
    if (storageClasses.stream().filter(StorageClassFact::defaultClass).count() > 1) {
      throw new IllegalArgumentException("storage: more than one default storage class");
    }
  }

  /** Every provisioner of this provider: block, in-tree, file and others. */
  public List<String> allProvisioners() {
    List<String> all = new ArrayList<>(blockProvisioners);
    all.addAll(inTreeProvisioners);
    all.addAll(fileProvisioners);
    all.addAll(otherProvisioners);
    return all;
  }

  public boolean isVendorProvisioner(String provisioner) {
    return provisioner != null && allProvisioners().contains(provisioner);
  }

  public boolean isFileProvisioner(String provisioner) {
    return provisioner != null && fileProvisioners.contains(provisioner);
  }

  public Optional<StorageClassFact> storageClass(String name) {
    return storageClasses.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<StorageClassFact> defaultClass() {
    return storageClasses.stream().filter(StorageClassFact::defaultClass).findFirst();
  }

  /** The tier a disk type value stands for, or the default tier when the value is absent. */
  public Optional<StorageTier> tierOf(String parameterValue) {
    if (parameterValue == null) {
      return Optional.of(defaultTier);
    }
    return Optional.ofNullable(tiers.get(parameterValue));
  }

  /**
   * The preinstalled class nearest to a tier: the exact tier first (the default class among
   * equals), then the faster tiers, then slower ones.
   */
  public Optional<StorageClassFact> classForTier(StorageTier tier) {
    for (StorageTier t : tier.preference()) {
      Optional<StorageClassFact> found =
          storageClasses.stream()
              .filter(c -> c.preinstalled() && c.tier() == t)
              .min((a, b) -> Boolean.compare(b.defaultClass(), a.defaultClass()));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A class of exactly this tier that must be installed first, to mention in findings. */
  public Optional<StorageClassFact> installableClass(StorageTier tier) {
    return storageClasses.stream().filter(c -> !c.preinstalled() && c.tier() == tier).findFirst();
  }
}
