package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.LoadBalancerFacet;
import dev.umzug.providers.rules.support.Facets;

/** What the load-balancer rules share: they look at Services and need both profiles' facet. */
abstract class LoadBalancerRuleBase implements RewriteRule {

  @Override
  public final ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Service");
  }

  @Override
  public final boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, LoadBalancerFacet.class);
  }

  static boolean isLoadBalancer(ResourceView service) {
    return "LoadBalancer".equals(service.text(JsonPointer.of("spec", "type")).orElse(""));
  }
}
