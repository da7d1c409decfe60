package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.providers.profile.LbRequirement;
import dev.umzug.providers.profile.LoadBalancerFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.Map;

/**
 * Reports settings the target's load balancers need that no source supplies, such as the location
 * or network zone of a Hetzner load balancer, on each LoadBalancer Service that lacks them. Reads
 * only: the value is the operator's choice.
 */
public final class FlagLoadBalancerRequirementsRule extends LoadBalancerRuleBase {

  @Override
  public String id() {
    return "load-balancer/flag-load-balancer-requirements";
  }

  @Override
  public String description() {
    return "Reports load balancer settings the target needs and the Service does not set";
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    LoadBalancerFacet target = Facets.target(context, LoadBalancerFacet.class);
    if (!isLoadBalancer(resource) || target.requirements().isEmpty()) {
      return RewriteResult.unchanged();
    }
    Map<String, String> annotations = resource.annotations();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    for (LbRequirement r : target.requirements()) {
      if (!r.satisfiedBy(annotations)) {
        result.finding(
            r.severity(),
            r.message() + " on " + context.target().displayName() + ": none of "
                + String.join(", ", r.anyOf()) + " is set" + r.confidence().caveat(),
            r.remediation());
      }
    }
    return result.build();
  }
}
