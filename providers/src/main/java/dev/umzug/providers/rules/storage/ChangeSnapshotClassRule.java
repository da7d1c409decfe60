package dev.umzug.providers.rules.storage;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.SnapshotFact;
import dev.umzug.providers.profile.StorageFacet;
import dev.umzug.providers.rules.support.Facets;

/**
 * Moves VolumeSnapshotClasses of the source's driver to the target's snapshot driver, keeping the
 * name that VolumeSnapshots refer to and removing the vendor parameters; drops them where the target
 * has no snapshots.
 */
public final class ChangeSnapshotClassRule implements RewriteRule {

  @Override
  public String id() {
    return "storage/change-snapshot-class";
  }

  @Override
  public String description() {
    return "Points snapshot classes of the source's driver at the target's driver, or drops them";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("VolumeSnapshotClass.snapshot.storage.k8s.io");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, StorageFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    String driver = resource.text(JsonPointer.of("driver")).orElse(null);
    if (!Facets.source(context, StorageFacet.class).isVendorProvisioner(driver)) {
      return RewriteResult.unchanged();
    }
    SnapshotFact target = Facets.target(context, StorageFacet.class).snapshots();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (!target.supported()) {
      return result
          .warning(
              "snapshot class of " + driver + " dropped: " + context.target().displayName()
                  + " has no volume snapshots" + target.confidence().caveat(),
              "back up volumes with Velero file-system backup (restic/kopia) instead")
          .drop("snapshot class of the source's driver; the target has no snapshots")
          .build();
    }
    result.patch(PatchOp.replace(JsonPointer.of("driver"), target.driver()));
    if (resource.has(JsonPointer.of("parameters"))) {
      result.patch(PatchOp.remove(JsonPointer.of("parameters")));
    }
    String preinstalled =
        target.className() == null ? "" : "; the target also ships the class " + target.className();
    return result
        .info(
            "snapshot driver " + driver + " becomes " + target.driver()
                + ", vendor parameters removed" + preinstalled + target.confidence().caveat())
        .build();
  }
}
