package dev.umzug.engine.rewrite.rename;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Points NetworkPolicy peers' namespace selectors at renamed namespaces: a {@code matchLabels} entry
 * on {@code kubernetes.io/metadata.name}, and the values of an {@code In} or {@code NotIn} expression
 * on that label. A selector on other labels cannot be fixed safely; when it selects a renamed
 * namespace (judged by the labels of the source's Namespace object, which are copied with the rename)
 * or one whose Namespace object was not read, a warning names the selector and the labels the target
 * namespace must carry.
 */
public final class RewriteNamespaceSelectorsRule extends NamespaceReferenceRuleBase {

  static final String NAME_LABEL = "kubernetes.io/metadata.name";

  /** Where the peers are: {@code spec.ingress[].from[]} and {@code spec.egress[].to[]}. */
  private static final List<List<String>> PEERS =
      List.of(List.of("ingress", "from"), List.of("egress", "to"));

  @Override
  public String id() {
    return "namespace/rewrite-namespace-selectors";
  }

  @Override
  public String description() {
    return "Points NetworkPolicy namespace selectors on kubernetes.io/metadata.name at renamed"
        + " namespaces; warns on other labels";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("NetworkPolicy.networking.k8s.io");
  }

  @Override
  RewriteResult apply(ResourceView resource, RewriteContext context, Renames renames) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    for (List<String> direction : PEERS) {
      for (JsonPointer rule : Renames.items(resource, JsonPointer.of("spec", direction.get(0)))) {
        for (JsonPointer peer : Renames.items(resource, rule.append(direction.get(1)))) {
          JsonPointer selector = peer.append("namespaceSelector");
          if (resource.at(selector).isObject()) {
            fix(resource, selector, renames, context, result);
          }
        }
      }
    }
    return result.build();
  }

  private static void fix(
      ResourceView resource,
      JsonPointer selector,
      Renames renames,
      RewriteContext context,
      RewriteResult.Builder result) {
    List<String> otherLabels = new ArrayList<>();
    TreeSet<String> otherKeys = new TreeSet<>();
    resource
        .at(selector.append("matchLabels"))
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals(NAME_LABEL)) {
                renames.renameAt(resource, selector.append("matchLabels", e.getKey()), result);
              } else {
                otherLabels.add(e.getKey() + "=" + e.getValue().asText());
                otherKeys.add(e.getKey());
              }
            });
    for (JsonPointer expression : Renames.items(resource, selector.append("matchExpressions"))) {
      String key = resource.text(expression.append("key")).orElse("");
      String operator = resource.text(expression.append("operator")).orElse("");
      if (!key.equals(NAME_LABEL)) {
        otherLabels.add(describe(resource.at(expression)));
        otherKeys.add(key);
      } else if (operator.equals("In") || operator.equals("NotIn")) {
        for (JsonPointer value : Renames.items(resource, expression.append("values"))) {
          renames.renameAt(resource, value, result);
        }
      }
    }
    if (otherLabels.isEmpty()) {
      return;
    }
    List<String> carried = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    JsonNode node = resource.at(selector);
    renames
        .map()
        .keySet()
        .forEach(
            from -> {
              Optional<ResourceView> namespace =
                  context.inventory().get(new ResourceRef("", "Namespace", null, from));
              if (namespace.isEmpty()) {
                unread.add(from);
              } else if (selects(node, namespace.get())) {
                carried.add(
                    renames.describe(List.of(from)) + " carries " + labels(namespace.get(), otherKeys));
              }
            });
    if (carried.isEmpty() && unread.isEmpty()) {
      return; // it selects no renamed namespace, before or after
    }
    String labels = String.join(", ", otherLabels);
    String message =
        selector + " selects namespaces by labels " + labels + ", which the rename cannot fix;"
            + " a target namespace is selected only if it carries them";
    if (!carried.isEmpty()) {
      message += "; Namespace labels are copied with the rename: " + String.join("; ", carried);
    }
    if (!unread.isEmpty()) {
      message +=
          "; no Namespace object was read for " + String.join(", ", unread)
              + ", so no labels are copied for it";
    }
    result.warning(
        message,
        "make sure the target namespaces carry " + labels + ", or select them by " + NAME_LABEL);
  }

  /** Whether a label selector selects a namespace, by its labels and its implicit name label. */
  static boolean selects(JsonNode selector, ResourceView namespace) {
    Map<String, String> labels = new HashMap<>(namespace.labels());
    labels.put(NAME_LABEL, namespace.ref().name());
    var matchLabels = selector.path("matchLabels").fields();
    while (matchLabels.hasNext()) {
      var e = matchLabels.next();
      if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String value = labels.get(expression.path("key").asText());
      List<String> values = new ArrayList<>();
      expression.path("values").forEach(v -> values.add(v.asText()));
      boolean holds =
          switch (expression.path("operator").asText()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
          };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  /** {@code key Operator (a, b)}, as kubectl describes a selector expression. */
  private static String describe(JsonNode expression) {
    List<String> values = new ArrayList<>();
    expression.path("values").forEach(v -> values.add(v.asText()));
    String text = expression.path("key").asText() + " " + expression.path("operator").asText();
    return values.isEmpty() ? text : text + " (" + String.join(", ", values) + ")";
  }

  /** The namespace's labels among {@code keys}, as {@code k=v}, or {@code no such labels}. */
  private static String labels(ResourceView namespace, TreeSet<String> keys) {
    List<String> found = new ArrayList<>();
    for (String key : keys) {
      String value = namespace.labels().get(key);
      if (value != null) {
        found.add(key + "=" + value);
      }
    }
    return found.isEmpty() ? "none of those labels" : String.join(", ", found);
  }
}
