package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.providers.profile.LoadBalancerFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;

/**
 * Removes a source-only {@code spec.loadBalancerClass} (e.g. {@code service.k8s.aws/nlb}), so the
 * target's default load balancer implementation takes the Service; a class nobody implements would
 * leave it pending forever.
 */
public final class RemoveLoadBalancerClassRule extends LoadBalancerRuleBase {

  private static final JsonPointer CLASS = JsonPointer.of("spec", "loadBalancerClass");

  @Override
  public String id() {
    return "load-balancer/remove-load-balancer-class";
  }

  @Override
  public String description() {
    return "Removes the source's loadBalancerClass so the target's default implementation serves it";
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<String> value = resource.text(CLASS);
    if (value.isEmpty()
        || !Facets.source(context, LoadBalancerFacet.class).loadBalancerClasses().contains(value.get())) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .patch(PatchOp.remove(CLASS))
        .info(
            "loadBalancerClass " + value.get() + " removed; the default load balancer of "
                + context.target().displayName() + " serves the Service")
        .build();
  }
}
