package dev.umzug.providers.rules.loadbalancer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.umzug.engine.spi.JsonPointer;
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

/**
 * Moves client allow-lists from source annotations to {@code spec.loadBalancerSourceRanges}, the
 * portable field, and warns where the target may not enforce it.
 */
public final class MapSourceRangesRule extends LoadBalancerRuleBase {

  private static final JsonPointer RANGES = JsonPointer.of("spec", "loadBalancerSourceRanges");

  @Override
  public String id() {
    return "load-balancer/map-source-ranges";
  }

  @Override
  public String description() {
    return "Moves source-range annotations to spec.loadBalancerSourceRanges";
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    LbFeature source = Facets.source(context, LoadBalancerFacet.class).sourceRanges();
    LbFeature target = Facets.target(context, LoadBalancerFacet.class).sourceRanges();
    Map<String, String> annotations = resource.annotations();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    boolean fieldPresent = resource.has(RANGES);
    for (AnnotationMatch m : source.recognise()) {
      String value = annotations.get(m.key());
      if (value == null) {
        continue;
      }
      result.patch(PatchOp.remove(Meta.annotation(m.key())));
      if (fieldPresent) {
        result.info("annotation " + m.key() + " removed; spec.loadBalancerSourceRanges already set");
        continue;
      }
      ArrayNode ranges = JsonNodeFactory.instance.arrayNode();
      for (String r : value.split(",")) {
        if (!r.isBlank()) {
          ranges.add(r.trim());
        }
      }
      result.patch(PatchOp.add(RANGES, ranges));
      result.info("source ranges " + value.trim() + " moved from " + m.key() + " to spec.loadBalancerSourceRanges");
      fieldPresent = true;
    }
    if (fieldPresent && isLoadBalancer(resource) && !target.supported()) {
      result.warning(
          "client allow-list may not be enforced on " + context.target().displayName()
              + target.confidence().caveat(),
          target.remediation());
    }
    return result.build();
  }
}
