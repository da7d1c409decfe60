package dev.umzug.engine.rewrite.clean;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.List;

/**
 * Removes a PersistentVolumeClaim's binding to the source's volume: the annotations the
 * persistent-volume controller and the scheduler wrote, and {@code spec.volumeName}. A claim left
 * bound to a volume name that does not exist on the target stays pending. When the named
 * PersistentVolume is itself among the migrated objects and can be reached from the target (an NFS
 * share, say, not a cloud disk), the binding is meant and stays.
 */
public final class StripVolumeBindingRule implements RewriteRule {

  static final List<String> ANNOTATIONS =
      List.of(
          "pv.kubernetes.io/bind-completed",
          "pv.kubernetes.io/bound-by-controller",
          "volume.beta.kubernetes.io/storage-provisioner",
          "volume.kubernetes.io/storage-provisioner",
          "volume.kubernetes.io/selected-node");

  private static final JsonPointer VOLUME_NAME = JsonPointer.of("spec", "volumeName");

  @Override
  public String id() {
    return "clean/strip-volume-binding";
  }

  @Override
  public String description() {
    return "Strips a PVC's binding to its source volume, so that the target provisions one";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("PersistentVolumeClaim");
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    for (String key : ANNOTATIONS) {
      JsonPointer pointer = JsonPointer.of("metadata", "annotations", key);
      if (resource.has(pointer)) {
        result.patch(PatchOp.remove(pointer));
      }
    }
    resource
        .text(VOLUME_NAME)
        .ifPresent(
            volume -> {
              var pv = context.inventory().get(new ResourceRef("", "PersistentVolume", null, volume));
              if (pv.isPresent() && isPortable(pv.get())) {
                result.info(
                    "binding to PersistentVolume " + volume + " kept: that volume is migrated too");
              } else {
                result
                    .patch(PatchOp.remove(VOLUME_NAME))
                    .info(
                        "binding to PersistentVolume " + volume
                            + " removed: the target provisions a new, empty volume; the data"
                            + " moves only with a volume mover");
              }
            });
    return result.build();
  }

  /** In-tree volume sources that live in one cloud and cannot be reached from another. */
  private static final List<String> CLOUD_SOURCES =
      List.of(
          "awsElasticBlockStore", "gcePersistentDisk", "azureDisk", "azureFile", "cinder",
          "vsphereVolume", "portworxVolume", "photonPersistentDisk", "scaleIO", "storageos");

  /** CSI drivers that reach storage by network address, not by a cloud's disk id. */
  private static final List<String> PORTABLE_CSI = List.of("nfs.csi.k8s.io", "smb.csi.k8s.io");

  /**
   * Whether the target can use the volume as it is: an NFS share, a local or host path, iSCSI, Ceph,
   * but not a cloud disk, which exists only in the source's cloud.
   */
  static boolean isPortable(ResourceView pv) {
    var spec = pv.json().path("spec");
    for (String source : CLOUD_SOURCES) {
      if (spec.has(source)) {
        return false;
      }
    }
    return !spec.has("csi") || PORTABLE_CSI.contains(spec.path("csi").path("driver").asText());
  }
}
