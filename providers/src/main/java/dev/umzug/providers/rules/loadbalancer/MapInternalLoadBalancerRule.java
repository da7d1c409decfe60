package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.Severity;
import dev.umzug.providers.profile.LoadBalancerFacet;

/**
 * Carries an internal (private) load balancer over: writes the target's internal annotation, or
 * blocks where the target has no internal load balancer, since the Service would become public.
 * The source annotation itself is removed by {@code load-balancer/strip-load-balancer-annotations}.
 */
public final class MapInternalLoadBalancerRule extends LoadBalancerRuleBase {

  @Override
  public String id() {
    return "load-balancer/map-internal-load-balancer";
  }

  @Override
  public String description() {
    return "Maps internal load balancers to the target's internal annotation, or blocks without one";
  }

  private static final Wording WORDING = new Wording(
      "internal load balancer", Severity.BLOCKER,
      "but %s has no internal load balancer: the Service would be public", "", true,
      "check on a test Service that %s creates a private load balancer from these annotations before relying on it");

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    return mapFeature(resource, context, LoadBalancerFacet::internal, WORDING);
  }
}
