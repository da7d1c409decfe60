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
import dev.umzug.engine.spi.Workloads;
import dev.umzug.providers.profile.NodeSelectionFacet;
import dev.umzug.providers.rules.nodes.NodeKeys.Role;
import dev.umzug.providers.rules.support.Facets;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites {@code topologyKey}s of topologySpreadConstraints and pod (anti-)affinity terms that use
 * source-only keys: zone keys become the target's zone label, pool keys the target's pool label; a
 * constraint on another vendor key is removed. Owns those two places only.
 */
public final class RewriteTopologyKeysRule implements RewriteRule {

  private static final List<String> POD_AFFINITIES = List.of("podAffinity", "podAntiAffinity");
  private static final List<String> TERM_LISTS =
      List.of("requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution");

  @Override
  public String id() {
    return "nodes/rewrite-topology-keys";
  }

  @Override
  public String description() {
    return "Rewrites topology keys of spread constraints and pod affinity to the target's labels";
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
    NodeKeys keys = new NodeKeys(context);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    JsonPointer spread = podSpec.get().append("topologySpreadConstraints");
    JsonNode constraints = resource.at(spread);
    for (int i = constraints.size() - 1; i >= 0; i--) {
      rewrite(spread.append(i), constraints.get(i), true, keys, result);
    }
    for (String kind : POD_AFFINITIES) {
      for (String list : TERM_LISTS) {
        JsonPointer terms = podSpec.get().append("affinity", kind, list);
        JsonNode array = resource.at(terms);
        for (int i = 0; i < array.size(); i++) {
          JsonNode term = array.get(i).has("podAffinityTerm") ? array.get(i).get("podAffinityTerm") : array.get(i);
          JsonPointer termPath =
              array.get(i).has("podAffinityTerm") ? terms.append(i, "podAffinityTerm") : terms.append(i);
          rewrite(termPath, term, false, keys, result);
        }
      }
    }
    return result.build();
  }

  private static void rewrite(
      JsonPointer at, JsonNode node, boolean removable, NodeKeys keys, RewriteResult.Builder result) {
    String key = node.path("topologyKey").asText("");
    Role role = keys.role(key);
    String replacement =
        switch (role) {
          case ZONE -> keys.target().zoneLabel();
          case POOL -> keys.target().targetPoolLabel().orElse(null);
          default -> null;
        };
    if (role == Role.PORTABLE || key.equals(replacement)) {
      return;
    }
    if (replacement != null) {
      result.patch(PatchOp.replace(at.append("topologyKey"), replacement));
      result.info(
          "topology key " + key + " becomes " + replacement + (role == Role.POOL ? keys.poolNote() : ""));
    } else if (removable) {
      result.patch(PatchOp.remove(at));
      result.warning(
          "spread constraint on source-only key " + key + " removed" + keys.source().confidence().caveat(),
          "spread over topology.kubernetes.io/zone or kubernetes.io/hostname instead");
    } else {
      result.warning(
          "pod affinity on source-only key " + key + " can never be satisfied on the target"
              + keys.source().confidence().caveat(),
          "change topologyKey to kubernetes.io/hostname or topology.kubernetes.io/zone");
    }
  }
}
