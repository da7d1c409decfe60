package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which objects a user rule applies to. Every condition given must hold; an empty list or an absent
 * value is no condition.
 *
 * @param resources group-resource globs ({@code deployments.apps}, {@code *.cert-manager.io}) or
 *     kinds ({@code Deployment}, {@code Certificate.cert-manager.io}); empty matches every resource
 * @param namespaces source namespace globs; empty matches every namespace
 * @param clusterScopedIgnoresNamespaces whether cluster-scoped objects pass the namespace condition
 *     (Velero's semantics) instead of failing it (the plan's)
 * @param name regular expression searched in the object's name
 * @param labelSelector a Kubernetes label selector
 * @param fields conditions on values in the object
 */
public record RuleMatch(
    List<String> resources,
    List<String> namespaces,
    boolean clusterScopedIgnoresNamespaces,
    Optional<String> name,
    Optional<LabelSelector> labelSelector,
    List<FieldCondition> fields) {

  private static final RuleMatch EVERYTHING =
      new RuleMatch(List.of(), List.of(), false, Optional.empty(), Optional.empty(), List.of());

  public RuleMatch {
    resources = List.copyOf(resources);
    namespaces = List.copyOf(namespaces);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labelSelector, "labelSelector");
    fields = List.copyOf(fields);
  }

  /** The match of a rule without {@code match}: every object. */
  public static RuleMatch everything() {
    return EVERYTHING;
  }

  /**
   * A Kubernetes label selector.
   *
   * @param matchLabels labels that must be present with these values
   * @param matchExpressions set-based requirements
   */
  public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    public LabelSelector {
      matchLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(matchLabels));
      matchExpressions = List.copyOf(matchExpressions);
    }
  }

  /** One set-based requirement: {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}. */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }
  }

  /** The operators of a label selector requirement, as Kubernetes spells them. */
  public enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist
  }

  /**
   * A condition on one value of the object.
   *
   * @param path RFC 6901 pointer, escaped as written
   * @param value the value must equal this; with {@code typed} false, scalars compare by text
   * @param regex the scalar must contain a match of this
   * @param typed whether {@code value} compares as typed JSON (Velero's {@code matches}) rather than
   *     by text (the plan's {@code fields})
   */
  public record FieldCondition(String path, Optional<JsonNode> value, Optional<String> regex, boolean typed) {
    public FieldCondition {
      Objects.requireNonNull(path, "path");
      value = value.map(JsonNode::deepCopy);
      Objects.requireNonNull(regex, "regex");
    }

    @Override
    public Optional<JsonNode> value() {
      return value.map(JsonNode::deepCopy);
    }
  }
}
