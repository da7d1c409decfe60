package dev.umzug.providers.rules.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Rewrites {@code affinity.nodeAffinity}: expressions on source pool and zone keys are mapped to the
 * target's labels when the plan maps every value, otherwise removed (as are spot, machine type and
 * other vendor expressions). Terms left empty are removed, since an empty required term matches no
 * node. Works on a copy and answers with one operation on {@code nodeAffinity}.
 */
public final class RewriteNodeAffinityRule implements RewriteRule {

  private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
  private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

  @Override
  public String id() {
    return "nodes/rewrite-node-affinity";
  }

  @Override
  public String description() {
    return "Rewrites node affinity on the source's pool and zone keys; removes other vendor terms";
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
    JsonPointer path = podSpec.get().append("affinity", "nodeAffinity");
    JsonNode original = resource.at(path);
    if (!original.isObject()) {
      return RewriteResult.unchanged();
    }
    ObjectNode copy = original.deepCopy();
    NodeKeys keys = new NodeKeys(context);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    boolean changed = false;
    JsonNode required = copy.path(REQUIRED).path("nodeSelectorTerms");
    if (required instanceof ArrayNode terms) {
      changed |= rewriteTerms(terms, keys, result);
      if (terms.isEmpty()) {
        copy.remove(REQUIRED);
      }
    }
    if (copy.path(PREFERRED) instanceof ArrayNode preferred) {
      for (int i = preferred.size() - 1; i >= 0; i--) {
        if (preferred.get(i).path("preference") instanceof ObjectNode term) {
          changed |= rewriteExpressions(term, keys, result);
          if (isEmptyTerm(term)) {
            preferred.remove(i);
          }
        }
      }
      if (preferred.isEmpty()) {
        copy.remove(PREFERRED);
      }
    }
    if (!changed) {
      return RewriteResult.unchanged();
    }
    result.patch(copy.isEmpty() ? PatchOp.remove(path) : PatchOp.replace(path, copy));
    return result.build();
  }

  private static boolean rewriteTerms(ArrayNode terms, NodeKeys keys, RewriteResult.Builder result) {
    boolean changed = false;
    for (int i = terms.size() - 1; i >= 0; i--) {
      if (terms.get(i) instanceof ObjectNode term) {
        changed |= rewriteExpressions(term, keys, result);
        if (isEmptyTerm(term)) {
          terms.remove(i);
        }
      }
    }
    return changed;
  }

  private static boolean rewriteExpressions(ObjectNode term, NodeKeys keys, RewriteResult.Builder result) {
    if (!(term.path("matchExpressions") instanceof ArrayNode expressions)) {
      return false;
    }
    boolean changed = false;
    for (int i = expressions.size() - 1; i >= 0; i--) {
      if (!(expressions.get(i) instanceof ObjectNode e)) {
        continue;
      }
      String key = e.path("key").asText("");
      Role role = keys.role(key);
      if (role == Role.PORTABLE) {
        continue;
      }
      List<String> values = new ArrayList<>();
      e.path("values").forEach(v -> values.add(v.asText()));
      List<String> mapped = new ArrayList<>();
      String newKey = null;
      for (String v : values) {
        Optional<String[]> m = keys.map(role, v);
        if (m.isPresent()) {
          newKey = m.get()[0];
          mapped.add(m.get()[1]);
        }
      }
      if (newKey != null && mapped.size() == values.size()) {
        if (newKey.equals(key) && mapped.equals(values)) {
          continue;
        }
        e.put("key", newKey);
        ArrayNode newValues = e.putArray("values");
        mapped.forEach(newValues::add);
        result.info(
            "node affinity " + key + " " + values + " becomes " + newKey + " " + mapped + " as mapped"
                + (role == Role.POOL ? keys.poolNote() : ""));
      } else {
        expressions.remove(i);
        boolean quiet = role == Role.CAPACITY && !keys.isSpot(key, values);
        result.finding(
            quiet ? Severity.INFO : Severity.WARNING,
            "node affinity: " + keys.lossMessage(role, key, values) + keys.source().confidence().caveat(),
            keys.remediation(role, key));
      }
      changed = true;
    }
    if (expressions.isEmpty()) {
      term.remove("matchExpressions");
    }
    return changed;
  }

  private static boolean isEmptyTerm(ObjectNode term) {
    return term.path("matchExpressions").isEmpty() && term.path("matchFields").isEmpty();
  }
}
