package dev.umzug.providers.rules.crds;

import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.CrdAction;
import dev.umzug.providers.profile.CrdGroupFact;
import dev.umzug.providers.profile.VendorCrdFacet;
import java.util.Optional;

/**
 * Handles custom resources that exist only on the source (Karpenter, VPC CNI, load balancer
 * controller, ACK, Crossplane AWS): dropped with a warning when they only configured the source,
 * kept and blocked when they stand for a cloud resource that needs a replacement.
 */
public final class DropVendorResourcesRule implements RewriteRule {

  @Override
  public String id() {
    return "crds/drop-vendor-resources";
  }

  @Override
  public String description() {
    return "Drops the source's vendor custom resources, or blocks those that stand for cloud resources";
  }

  @Override
  public ResourceSelector appliesTo() {
    return VendorGroups.selector();
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return source.facet(VendorCrdFacet.class).isPresent();
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<CrdGroupFact> fact =
        context
            .source()
            .facet(VendorCrdFacet.class)
            .flatMap(f -> f.match(resource.group(), resource.kind()));
    if (fact.isEmpty()) {
      return RewriteResult.unchanged();
    }
    CrdGroupFact f = fact.get();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    String message = resource.kind() + ": " + f.message() + f.confidence().caveat();
    if (f.action() == CrdAction.BLOCK) {
      return result.blocker(message, f.remediation()).build();
    }
    String verb = f.action() == CrdAction.CONVERT ? "convert by hand" : "dropped";
    return result
        .warning(message + " (" + verb + ")", f.remediation())
        .drop("vendor resource of " + resource.group() + " with no counterpart on " + context.target().id())
        .build();
  }
}
