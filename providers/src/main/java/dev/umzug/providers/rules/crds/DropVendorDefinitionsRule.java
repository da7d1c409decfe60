package dev.umzug.providers.rules.crds;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.CrdGroupFact;
import dev.umzug.providers.profile.VendorCrdFacet;
import java.util.Optional;

/**
 * Drops CustomResourceDefinitions of the source's vendor groups: without the vendor's controller
 * they would only let stale objects in. Their objects are handled by {@code crds/drop-vendor-resources}.
 */
public final class DropVendorDefinitionsRule implements RewriteRule {

  @Override
  public String id() {
    return "crds/drop-vendor-definitions";
  }

  @Override
  public String description() {
    return "Drops custom resource definitions of the source's vendor groups";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("CustomResourceDefinition.apiextensions.k8s.io");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return source.facet(VendorCrdFacet.class).isPresent();
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    String group = resource.text(JsonPointer.of("spec", "group")).orElse("");
    Optional<CrdGroupFact> fact =
        context.source().facet(VendorCrdFacet.class).flatMap(f -> f.matchGroup(group));
    if (fact.isEmpty()) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .info("definition of vendor group " + group + " dropped: " + fact.get().message() + fact.get().confidence().caveat())
        .drop("definition of the source's vendor group " + group)
        .build();
  }
}
