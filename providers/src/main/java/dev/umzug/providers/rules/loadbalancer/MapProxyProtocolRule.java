package dev.umzug.providers.rules.loadbalancer;

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
 * Carries PROXY protocol over: writes the target's annotation, or warns where the target has none,
 * because a backend that expects PROXY headers breaks without them.
 */
public final class MapProxyProtocolRule extends LoadBalancerRuleBase {

  @Override
  public String id() {
    return "load-balancer/map-proxy-protocol";
  }

  @Override
  public String description() {
    return "Maps PROXY protocol to the target's annotation, or warns where it has none";
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    if (!isLoadBalancer(resource)) {
      return RewriteResult.unchanged();
    }
    Map<String, String> annotations = resource.annotations();
    Optional<AnnotationMatch> marker =
        Facets.source(context, LoadBalancerFacet.class).proxyProtocol().recognisedIn(annotations);
    if (marker.isEmpty()) {
      return RewriteResult.unchanged();
    }
    String cause = marker.get().key() + ": " + annotations.get(marker.get().key());
    LbFeature target = Facets.target(context, LoadBalancerFacet.class).proxyProtocol();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (!target.supported()) {
      return result
          .warning(
              "PROXY protocol (" + cause + ") is not available on " + context.target().displayName()
                  + ": a backend that expects PROXY headers will reject connections"
                  + target.confidence().caveat(),
              target.remediation())
          .build();
    }
    target.annotations().forEach((k, v) -> result.patch(PatchOp.add(Meta.annotation(k), v)));
    return result
        .info(
            "PROXY protocol (" + cause + ") kept with " + target.annotations()
                + "; check the backend's use-proxy-protocol setting" + target.confidence().caveat())
        .build();
  }
}
