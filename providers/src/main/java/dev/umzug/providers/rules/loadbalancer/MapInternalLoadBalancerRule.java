package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.providers.profile.AnnotationMatch;
import dev.umzug.providers.profile.LbFeature;
import dev.umzug.providers.profile.LoadBalancerFacet;
import dev.umzug.providers.rules.support.Facets;
import dev.umzug.providers.rules.support.Meta;
import java.util.Map;
import java.util.Optional;

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

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    if (!isLoadBalancer(resource)) {
      return RewriteResult.unchanged();
    }
    Map<String, String> annotations = resource.annotations();
    Optional<AnnotationMatch> marker =
        Facets.source(context, LoadBalancerFacet.class).internal().recognisedIn(annotations);
    if (marker.isEmpty()) {
      return RewriteResult.unchanged();
    }
    String cause = marker.get().key() + ": " + annotations.get(marker.get().key());
    LbFeature target = Facets.target(context, LoadBalancerFacet.class).internal();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (!target.supported()) {
      return result
          .blocker(
              "internal load balancer (" + cause + ") but " + context.target().displayName()
                  + " has no internal load balancer: the Service would be public"
                  + target.confidence().caveat(),
              target.remediation())
          .build();
    }
    target.annotations().forEach((k, v) -> result.patch(PatchOp.add(Meta.annotation(k), v)));
    String message =
        "internal load balancer (" + cause + ") kept with " + target.annotations() + target.confidence().caveat();
    if (target.confidence() == Confidence.CONFIRMED) {
      return result.info(message).build();
    }
    // if the target's annotation is wrong, the Service becomes public: an operator must check it
    return result
        .warning(message, "check on a test Service that " + context.target().displayName()
            + " creates a private load balancer from these annotations before relying on it")
        .build();
  }
}
