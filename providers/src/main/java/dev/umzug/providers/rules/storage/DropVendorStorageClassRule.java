package dev.umzug.providers.rules.storage;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.StorageClassFact;
import dev.umzug.providers.profile.StorageFacet;
import dev.umzug.providers.rules.storage.StorageClassResolver.Kind;
import dev.umzug.providers.rules.storage.StorageClassResolver.Resolution;
import dev.umzug.providers.rules.support.Facets;

/**
 * Drops StorageClasses of the source's drivers (recognised by provisioner): the target's own
 * classes replace them, and the claims are pointed there by {@code storage/change-storage-class}.
 */
public final class DropVendorStorageClassRule implements RewriteRule {

  @Override
  public String id() {
    return "storage/drop-vendor-storage-class";
  }

  @Override
  public String description() {
    return "Drops storage classes of the source's drivers, naming the target class that replaces them";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("StorageClass.storage.k8s.io");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, StorageFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    StorageFacet source = Facets.source(context, StorageFacet.class);
    String provisioner = resource.text(JsonPointer.of("provisioner")).orElse(null);
    if (!source.isVendorProvisioner(provisioner)) {
      return RewriteResult.unchanged();
    }
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    String name = resource.ref().name();
    Resolution r = StorageClassResolver.resolve(name, context);
    String replacement;
    if (r.kind() == Kind.SHARED_UNSUPPORTED) {
      replacement = "no shared-file class on " + context.target().displayName();
      result.warning(
          "storage class " + name + " (" + provisioner + ") provides shared file storage that "
              + context.target().displayName() + " does not offer" + r.confidence().caveat(),
          "see the findings of storage/flag-shared-volumes on the claims that use it");
    } else if (r.rewrites()) {
      replacement = r.target();
      result.info(
          "storage class " + name + " (" + provisioner + ") is replaced by " + r.target()
              + r.confidence().caveat());
    } else {
      replacement = "no known target class";
      result.warning(
          "storage class " + name + " (" + provisioner + ") has no counterpart on "
              + context.target().displayName(),
          "add a storageClasses mapping for " + name);
    }
    if ("true".equals(resource.annotations().get(StorageClassResolver.DEFAULT_CLASS_ANNOTATION))) {
      String targetDefault =
          Facets.target(context, StorageFacet.class)
              .defaultClass()
              .map(StorageClassFact::name)
              .orElse("none");
      result.info(
          "it was the default class; the target's default is " + targetDefault
              + ", and claims without a class are pinned to " + replacement);
    }
    return result.drop("vendor storage class (" + provisioner + "), replaced by " + replacement).build();
  }
}
