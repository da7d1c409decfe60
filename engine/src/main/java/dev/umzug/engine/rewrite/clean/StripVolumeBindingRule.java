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
 * PersistentVolume is itself among the migrated objects, the binding is meant and stays.
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
              if (context.inventory().contains(new ResourceRef("", "PersistentVolume", null, volume))) {
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
}
