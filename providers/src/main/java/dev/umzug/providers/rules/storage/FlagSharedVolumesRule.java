package dev.umzug.providers.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.RwxFact;
import dev.umzug.providers.profile.StorageFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;

/**
 * Reports claims that need shared (ReadWriteMany) file storage, such as EFS: the target's RWX
 * option, or a blocker where it has none confirmed. Reads only; the class itself is changed by
 * {@code storage/change-storage-class} when the target has an RWX class or a mapping exists.
 */
public final class FlagSharedVolumesRule implements RewriteRule {

  @Override
  public String id() {
    return "storage/flag-shared-volumes";
  }

  @Override
  public String description() {
    return "Reports ReadWriteMany and shared-file claims and what the target offers for them";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("PersistentVolumeClaim", "StatefulSet.apps");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, StorageFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    Claims.each(resource, (claim, prefix) -> check(resource, claim, prefix, context, result));
    return result.build();
  }

  private void check(
      ResourceView resource,
      JsonPointer claim,
      String prefix,
      RewriteContext context,
      RewriteResult.Builder result) {
    String className =
        resource
            .text(claim.append("spec", "storageClassName"))
            .or(() -> resource.text(claim.append("metadata", "annotations", ChangeStorageClassRule.LEGACY_ANNOTATION)))
            .orElse("");
    Optional<String> fileDriver = fileDriver(className, context);
    boolean rwx = hasReadWriteMany(resource.at(claim.append("spec", "accessModes")));
    if (!rwx && fileDriver.isEmpty()) {
      return;
    }
    String what =
        prefix + "claim needs shared file storage"
            + fileDriver.map(d -> " (class " + className + " on " + d + ")").orElse(" (ReadWriteMany)");
    if (!className.isEmpty() && context.mappings().storageClass(className).isPresent()) {
      result.info(what + "; mapped in the plan to " + context.mappings().storageClass(className).get());
      return;
    }
    RwxFact rwxFact = Facets.target(context, StorageFacet.class).rwx();
    if (rwxFact.offersClass()) {
      result.info(what + "; the target offers " + rwxFact.storageClass() + rwxFact.confidence().caveat());
      return;
    }
    result.blocker(
        what + ", and " + context.target().displayName() + " has no confirmed RWX driver: "
            + rwxFact.detail() + rwxFact.confidence().caveat(),
        "run an NFS server, Longhorn or Rook on the target and add a storageClasses mapping to its"
            + " class, or change the workload to ReadWriteOnce volumes");
  }

  private static Optional<String> fileDriver(String className, RewriteContext context) {
    if (className.isEmpty()) {
      return Optional.empty();
    }
    StorageFacet source = Facets.source(context, StorageFacet.class);
    return StorageClassResolver.storageClassObject(context, className)
        .flatMap(sc -> sc.text(JsonPointer.of("provisioner")))
        .filter(source::isFileProvisioner);
  }

  private static boolean hasReadWriteMany(JsonNode modes) {
    for (JsonNode m : modes) {
      if ("ReadWriteMany".equals(m.asText())) {
        return true;
      }
    }
    return false;
  }
}
