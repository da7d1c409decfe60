package dev.umzug.providers.rules.nodes;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a pod's {@code nodeSelector}: source node-pool and zone selectors become the target's
 * labels through the plan's mappings; other vendor keys (spot, machine types) are removed with a
 * finding. Owns {@code nodeSelector} only.
 */
public final class RewriteNodeSelectorRule implements RewriteRule {

  @Override
  public String id() {
    return "nodes/rewrite-node-selector";
  }

  @Override
  public String description() {
    return "Rewrites node selectors on the source's pool and zone labels; removes other vendor keys";
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
    JsonPointer selector = podSpec.get().append("nodeSelector");
    Map<String, String> entries = ResourceView.stringMap(resource.at(selector));
    NodeKeys keys = new NodeKeys(context);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String key = e.getKey();
      Role role = keys.role(key);
      if (role == Role.PORTABLE) {
        continue;
      }
      Optional<String[]> mapped = keys.map(role, e.getValue());
      if (mapped.isPresent()) {
        String newKey = mapped.get()[0];
        String newValue = mapped.get()[1];
        if (newKey.equals(key)) {
          result.patch(PatchOp.replace(selector.append(key), newValue));
        } else {
          result.patch(PatchOp.remove(selector.append(key)));
          if (!entries.containsKey(newKey)) {
            result.patch(PatchOp.add(selector.append(newKey), newValue));
          }
        }
        String note = role == Role.POOL ? keys.poolNote() : "";
        result.info(key + "=" + e.getValue() + " becomes " + newKey + "=" + newValue + " as mapped" + note);
        continue;
      }
      result.patch(PatchOp.remove(selector.append(key)));
      boolean quiet = role == Role.CAPACITY && !keys.isSpot(key, List.of(e.getValue()));
      result.finding(
          quiet ? Severity.INFO : Severity.WARNING,
          keys.lossMessage(role, key, List.of(e.getValue())) + keys.source().confidence().caveat(),
          keys.remediation(role, key));
    }
    return result.build();
  }
}
