package dev.umzug.providers.rules.storage;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.StorageFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;

/**
 * Drops PersistentVolumes backed by the source's disks (CSI or in-tree). A cloud disk cannot be
 * converted in place: the volume phase copies the data and the claim binds to a new target volume.
 */
public final class DropVendorVolumeRule implements RewriteRule {

  @Override
  public String id() {
    return "storage/drop-vendor-volume";
  }

  @Override
  public String description() {
    return "Drops persistent volumes on the source's disks; their data is copied by the volume phase";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("PersistentVolume");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, StorageFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<String> backing = backing(resource, Facets.source(context, StorageFacet.class));
    if (backing.isEmpty()) {
      return RewriteResult.unchanged();
    }
    String claim =
        resource
            .text(JsonPointer.of("spec", "claimRef", "namespace"))
            .map(ns -> ns + "/" + resource.text(JsonPointer.of("spec", "claimRef", "name")).orElse("?"))
            .orElse("no claim");
    return RewriteResult.builder(this, resource)
        .info(
            "volume on " + backing.get() + " (claim " + claim + ") is not moved as an object: the"
                + " volume phase copies its data into a new " + context.target().displayName()
                + " volume")
        .drop("volume of the source's driver " + backing.get() + "; data is copied by the volume phase")
        .build();
  }

  private static Optional<String> backing(ResourceView resource, StorageFacet source) {
    Optional<String> driver = resource.text(JsonPointer.of("spec", "csi", "driver"));
    if (driver.isPresent() && source.isVendorProvisioner(driver.get())) {
      return driver;
    }
    for (String field : source.inTreeVolumeSources()) {
      if (resource.has(JsonPointer.of("spec", field))) {
        return Optional.of("in-tree " + field);
      }
    }
    return Optional.empty();
  }
}
