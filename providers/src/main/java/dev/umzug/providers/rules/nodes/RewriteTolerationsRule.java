package dev.umzug.providers.rules.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.Workloads;
import dev.umzug.providers.profile.NodeSelectionFacet;
import dev.umzug.providers.rules.nodes.NodeKeys.Role;
import dev.umzug.providers.rules.support.Facets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes tolerations of taints only the source's nodes carry (spot, Karpenter, node groups): the
 * target's nodes never have them. Owns {@code tolerations} only.
 */
public final class RewriteTolerationsRule implements RewriteRule {

  @Override
  public String id() {
    return "nodes/rewrite-tolerations";
  }

  @Override
  public String description() {
    return "Removes tolerations of taints that only the source's nodes carry";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.WORKLOADS;
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, NodeSelectionFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<JsonPointer> podSpec = Workloads.podSpec(resource);
    if (podSpec.isEmpty()) {
      return RewriteResult.unchanged();
    }
    JsonPointer path = podSpec.get().append("tolerations");
    JsonNode tolerations = resource.at(path);
    NodeKeys keys = new NodeKeys(context);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    // Remove from the end so that earlier indexes stay valid while the patch applies.
    for (int i = tolerations.size() - 1; i >= 0; i--) {
      JsonNode t = tolerations.get(i);
      String key = t.path("key").asText("");
      Role role = keys.role(key);
      if (key.isEmpty() || role == Role.PORTABLE || role == Role.ZONE) {
        continue;
      }
      List<String> values = new ArrayList<>();
      if (t.path("value").isTextual()) {
        values.add(t.path("value").asText());
      }
      boolean spot = keys.isSpot(key, values);
      result.patch(PatchOp.remove(path.append(i)));
      result.finding(
          spot ? Severity.WARNING : Severity.INFO,
          "toleration of " + key + (values.isEmpty() ? "" : "=" + values.get(0))
              + " removed: no target node carries that taint"
              + (spot ? "; " + context.target().displayName() + " offers no spot capacity" : "")
              + keys.source().confidence().caveat(),
          spot ? keys.remediation(Role.CAPACITY, key) : "");
    }
    return result.build();
  }
}
