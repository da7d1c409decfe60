package dev.umzug.engine.rewrite.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.plan.RuleMatch;
import dev.umzug.engine.plan.RuleMatch.FieldCondition;
import dev.umzug.engine.plan.RuleMatch.Requirement;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A {@link RuleMatch} compiled once: globs and regular expressions turned into patterns. */
final class RuleMatcher {

  private final List<Pattern> groupResources = new ArrayList<>();
  private final List<KindPattern> kinds = new ArrayList<>();
  private final List<Pattern> namespaces = new ArrayList<>();
  private final boolean clusterScopedIgnoresNamespaces;
  private final Optional<Pattern> name;
  private final Optional<RuleMatch.LabelSelector> labelSelector;
  private final List<CompiledField> fields = new ArrayList<>();

  private record KindPattern(String kind, Pattern group) {}

  private record CompiledField(JsonPointer path, Optional<JsonNode> value, Optional<Pattern> regex, boolean typed) {}

  RuleMatcher(RuleMatch match) {
    for (String resource : match.resources()) {
      if (Character.isUpperCase(resource.charAt(0))) {
        int dot = resource.indexOf('.');
        kinds.add(dot < 0
            ? new KindPattern(resource, null)
            : new KindPattern(resource.substring(0, dot), glob(resource.substring(dot + 1))));
      } else {
        groupResources.add(glob(resource));
      }
    }
    match.namespaces().forEach(ns -> namespaces.add(glob(ns)));
    this.clusterScopedIgnoresNamespaces = match.clusterScopedIgnoresNamespaces();
    this.name = match.name().map(Pattern::compile);
    this.labelSelector = match.labelSelector();
    for (FieldCondition f : match.fields()) {
      fields.add(new CompiledField(JsonPointer.parse(f.path()), f.value(), f.regex().map(Pattern::compile), f.typed()));
    }
  }

  boolean matches(ResourceView view, RewriteContext context) {
    return resourceMatches(view, context)
        && namespaceMatches(view)
        && name.map(p -> p.matcher(view.ref().name()).find()).orElse(true)
        && labelSelector.map(s -> selects(s, view.labels())).orElse(true)
        && fields.stream().allMatch(f -> fieldMatches(f, view));
  }

  private boolean resourceMatches(ResourceView view, RewriteContext context) {
    if (groupResources.isEmpty() && kinds.isEmpty()) {
      return true;
    }
    for (KindPattern k : kinds) {
      if (k.kind().equals(view.kind()) && (k.group() == null || k.group().matcher(view.group()).matches())) {
        return true;
      }
    }
    if (groupResources.isEmpty()) {
      return false;
    }
    String groupResource = GroupResources.of(view.group(), view.kind(), context == null ? null : context.inventory());
    return groupResources.stream().anyMatch(p -> p.matcher(groupResource).matches());
  }

  private boolean namespaceMatches(ResourceView view) {
    if (namespaces.isEmpty()) {
      return true;
    }
    String namespace = view.ref().namespace();
    if (namespace == null) {
      return clusterScopedIgnoresNamespaces;
    }
    return namespaces.stream().anyMatch(p -> p.matcher(namespace).matches());
  }

  /** Kubernetes label selector semantics: every label and every requirement must hold. */
  static boolean selects(RuleMatch.LabelSelector selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : selector.matchExpressions()) {
      String value = labels.get(r.key());
      boolean holds =
          switch (r.operator()) {
            case In -> value != null && r.values().contains(value);
            case NotIn -> value == null || !r.values().contains(value);
            case Exists -> value != null;
            case DoesNotExist -> value == null;
          };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  private static boolean fieldMatches(CompiledField f, ResourceView view) {
    JsonNode node = view.at(f.path());
    if (node.isMissingNode()) {
      return false;
    }
    if (f.regex().isPresent()) {
      return node.isValueNode() && !node.isNull() && f.regex().get().matcher(node.asText()).find();
    }
    JsonNode expected = f.value().orElseThrow();
    if (f.typed()) {
      return JsonValues.same(node, expected);
    }
    if (node.isValueNode() && expected.isValueNode()) {
      return node.asText().equals(expected.asText());
    }
    return JsonValues.same(node, expected);
  }

  /**
   * A glob as a pattern: {@code **} matches anything, {@code *} anything but a {@code .}, {@code ?}
   * one character but a {@code .} (Velero's globs, with {@code .} as the separator).
   */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else if (c == '?') {
        regex.append("[^.]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
