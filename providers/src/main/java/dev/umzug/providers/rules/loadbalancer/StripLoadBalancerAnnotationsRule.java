package dev.umzug.providers.rules.loadbalancer;

import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.providers.profile.AnnotationMatch;
import dev.umzug.providers.profile.LoadBalancerFacet;
import dev.umzug.providers.profile.LostFeature;
import dev.umzug.providers.rules.support.Facets;
import dev.umzug.providers.rules.support.Meta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes every Service annotation under the source's load-balancer prefixes, and reports each lost
 * feature. Internal scheme and PROXY protocol are reported by their own rules, which also write the
 * target's equivalent.
 */
public final class StripLoadBalancerAnnotationsRule extends LoadBalancerRuleBase {

  @Override
  public String id() {
    return "load-balancer/strip-load-balancer-annotations";
  }

  @Override
  public String description() {
    return "Removes the source's load balancer annotations from Services and reports lost features";
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    LoadBalancerFacet source = Facets.source(context, LoadBalancerFacet.class);
    Set<String> ownedElsewhere = new HashSet<>();
    for (AnnotationMatch m : source.internal().recognise()) {
      ownedElsewhere.add(m.key());
    }
    for (AnnotationMatch m : source.proxyProtocol().recognise()) {
      ownedElsewhere.add(m.key());
    }
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    List<String> plain = new ArrayList<>();
    for (Map.Entry<String, String> e : resource.annotations().entrySet()) {
      String key = e.getKey();
      if (!source.isVendorAnnotation(key)) {
        continue;
      }
      result.patch(PatchOp.remove(Meta.annotation(key)));
      Optional<LostFeature> lost = source.lostFeature(key);
      if (lost.isPresent()) {
        LostFeature f = lost.get();
        result.finding(
            f.severity(),
            "lost on " + context.target().displayName() + ": " + f.feature() + " (" + key + ")"
                + f.confidence().caveat(),
            f.remediation());
      } else if (!ownedElsewhere.contains(key)) {
        plain.add(key);
      }
    }
    if (!plain.isEmpty()) {
      result.info("removed load balancer annotations of " + context.source().id() + ": " + String.join(", ", plain));
    }
    return result.build();
  }
}
