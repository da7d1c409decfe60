package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.Severity;
import dev.umzug.providers.profile.LoadBalancerFacet;

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

  private static final Wording WORDING = new Wording(
      "PROXY protocol", Severity.WARNING,
      "is not available on %s: a backend that expects PROXY headers will reject connections",
      "; check the backend's use-proxy-protocol setting", false, "");

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    return mapFeature(resource, context, LoadBalancerFacet::proxyProtocol, WORDING);
  }
}
