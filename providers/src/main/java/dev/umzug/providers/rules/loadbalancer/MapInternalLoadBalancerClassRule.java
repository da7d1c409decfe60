package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.gke.GkeProfile;
import dev.umzug.providers.profile.LbFeature;
import dev.umzug.providers.profile.LoadBalancerFacet;
import dev.umzug.providers.rules.support.Facets;
import dev.umzug.providers.rules.support.Meta;
import java.util.Optional;

/**
 * Carries over an internal load balancer that GKE selects by {@code spec.loadBalancerClass}
 * ({@code networking.gke.io/l4-regional-internal}, also {@code -legacy}) rather than by annotation:
 * writes the target's internal annotation, or blocks where the target has no internal load balancer.
 * Without this, removing the class would make the Service public with no finding. The class itself is
 * removed by {@code load-balancer/remove-load-balancer-class}.
 */
public final class MapInternalLoadBalancerClassRule implements RewriteRule {

  static final String INTERNAL_CLASS = "networking.gke.io/l4-regional-internal";

  private static final JsonPointer CLASS = JsonPointer.of("spec", "loadBalancerClass");

  @Override
  public String id() {
    return "load-balancer/map-internal-load-balancer-class";
  }

  @Override
  public String description() {
    return "Maps GKE's internal loadBalancerClass to the target's internal annotation, or blocks without one";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Service");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return GkeProfile.ID.equals(source.id()) && Facets.both(source, target, LoadBalancerFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<String> value = resource.text(CLASS).filter(v -> v.startsWith(INTERNAL_CLASS));
    if (value.isEmpty() || !LoadBalancerRuleBase.isLoadBalancer(resource)) {
      return RewriteResult.unchanged();
    }
    LbFeature target = Facets.target(context, LoadBalancerFacet.class).internal();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (!target.supported()) {
      return result
          .blocker(
              "internal load balancer (loadBalancerClass " + value.get() + ") but "
                  + context.target().displayName() + " has no internal load balancer: the Service would be public"
                  + target.confidence().caveat(),
              target.remediation())
          .build();
    }
    target.annotations().forEach((k, v) -> result.patch(PatchOp.add(Meta.annotation(k), v)));
    return result
        .info("internal load balancer (loadBalancerClass " + value.get() + ") kept with " + target.annotations()
            + target.confidence().caveat())
        .build();
  }
}
