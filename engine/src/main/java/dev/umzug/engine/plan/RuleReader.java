package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.plan.RuleAction.DropAction;
import dev.umzug.engine.plan.RuleAction.JsonPatchAction;
import dev.umzug.engine.plan.RuleAction.MergePatchAction;
import dev.umzug.engine.plan.RuleAction.ReplaceAction;
import dev.umzug.engine.plan.RuleMatch.FieldCondition;
import dev.umzug.engine.plan.RuleMatch.LabelSelector;
import dev.umzug.engine.plan.RuleMatch.Operator;
import dev.umzug.engine.plan.RuleMatch.Requirement;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads user rules in the plan's own format into {@link RuleSpec}s, and holds the checks that the
 * plan format and the Velero format share: regular expressions compile, pointers are pointers,
 * replacements name existing groups, resource patterns use only the supported wildcards.
 *
 * <p>A problem is reported through {@link Problems} with the JSON pointer of the value at fault, so
 * the caller can name its line and column; reading carries on, so every problem is found at once.
 */
final class RuleReader {

  /** Where problems go: the pointer of the value at fault in its document, and what is wrong. */
  @FunctionalInterface
  interface Problems {
    void add(String pointer, String message);
  }

  private static final Pattern RESOURCE_PATTERN = Pattern.compile("[A-Za-z0-9.*?-]+");
  private static final Pattern NAMESPACE_PATTERN = Pattern.compile("[a-z0-9*?-]+");
  private static final Pattern GROUP_REFERENCE = Pattern.compile("\\\\.|\\$(\\d+|\\{([A-Za-z][A-Za-z0-9]*)})|\\$");

  private RuleReader() {}

  /** Reads one rule of {@code spec.rules}; the schema has already checked its shape. */
  static RuleSpec planRule(JsonNode rule, String at, String origin, Problems problems) {
    String name = rule.path("name").asText();
    JsonNode match = rule.path("match");
    RuleMatch ruleMatch =
        match.isMissingNode()
            ? RuleMatch.everything()
            : new RuleMatch(
                resources(match.path("resources"), at + "/match/resources", problems),
                namespaces(match.path("namespaces"), at + "/match/namespaces", problems),
                false,
                regex(match.get("name"), at + "/match/name", problems),
                labelSelector(match.get("labelSelector"), at + "/match/labelSelector", problems),
                fields(match.path("fields"), at + "/match/fields", problems));
    List<RuleAction> actions = new ArrayList<>();
    JsonNode list = rule.path("actions");
    for (int i = 0; i < list.size(); i++) {
      String actionAt = at + "/actions/" + i;
      JsonNode action = list.get(i);
      if (action.has("jsonPatch")) {
        actions.add(new JsonPatchAction(jsonPatch(action.get("jsonPatch"), actionAt + "/jsonPatch", problems)));
      } else if (action.has("mergePatch")) {
        actions.add(new MergePatchAction((ObjectNode) action.get("mergePatch"), false));
      } else if (action.has("replace")) {
        actions.add(replace(action.get("replace"), actionAt + "/replace", problems));
      } else {
        actions.add(new DropAction(action.path("drop").asText()));
      }
    }
    return new RuleSpec(
        "user/" + name,
        name,
        rule.hasNonNull("description") ? Optional.of(rule.get("description").asText()) : Optional.empty(),
        ruleMatch,
        actions,
        origin);
  }

  static List<String> resources(JsonNode list, String at, Problems problems) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String pattern = list.get(i).asText();
      if (!RESOURCE_PATTERN.matcher(pattern).matches()) {
        problems.add(at + "/" + i, "'" + pattern + "' is not a resource: write a group-resource such as"
            + " deployments.apps or *.cert-manager.io, or a kind such as Deployment; only the wildcards * ** ? are supported");
      }
      out.add(pattern);
    }
    return out;
  }

  static List<String> namespaces(JsonNode list, String at, Problems problems) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String pattern = list.get(i).asText();
      if (!NAMESPACE_PATTERN.matcher(pattern).matches()) {
        problems.add(at + "/" + i, "'" + pattern + "' is not a namespace name or pattern: lowercase letters,"
            + " digits, '-' and the wildcards * and ?");
      }
      out.add(pattern);
    }
    return out;
  }

  /** A regular expression that compiles, or a problem. */
  static Optional<String> regex(JsonNode node, String at, Problems problems) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    compile(node.asText(), at, problems);
    return Optional.of(node.asText());
  }

  static Pattern compile(String regex, String at, Problems problems) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(at, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
      return null;
    }
  }

  static Optional<LabelSelector> labelSelector(JsonNode node, String at, Problems problems) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    node.path("matchLabels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    List<Requirement> requirements = new ArrayList<>();
    JsonNode expressions = node.path("matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      JsonNode e = expressions.get(i);
      String eAt = at + "/matchExpressions/" + i;
      Operator operator;
      try {
        operator = Operator.valueOf(e.path("operator").asText());
      } catch (IllegalArgumentException notAnOperator) {
        problems.add(eAt + "/operator", "must be one of In, NotIn, Exists, DoesNotExist, found '"
            + e.path("operator").asText() + "'");
        continue;
      }
      List<String> values = new ArrayList<>();
      e.path("values").forEach(v -> values.add(v.asText()));
      boolean needsValues = operator == Operator.In || operator == Operator.NotIn;
      if (needsValues && values.isEmpty()) {
        problems.add(eAt, "operator " + operator + " needs a non-empty values list");
      } else if (!needsValues && !values.isEmpty()) {
        problems.add(eAt + "/values", "operator " + operator + " takes no values");
      }
      requirements.add(new Requirement(e.path("key").asText(), operator, values));
    }
    return Optional.of(new LabelSelector(labels, requirements));
  }

  private static List<FieldCondition> fields(JsonNode list, String at, Problems problems) {
    List<FieldCondition> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode field = list.get(i);
      String path = field.path("path").asText();
      pointer(path, at + "/" + i + "/path", problems);
      out.add(new FieldCondition(
          path,
          Optional.ofNullable(field.get("value")),
          regex(field.get("matches"), at + "/" + i + "/matches", problems),
          false));
    }
    return out;
  }

  /** Reads RFC 6902 operations written as {@code {op, path, from, value}}. */
  private static List<PatchOp> jsonPatch(JsonNode list, String at, Problems problems) {
    List<PatchOp> ops = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode op = list.get(i);
      String opAt = at + "/" + i;
      PatchOp built = patchOp(op.path("op").asText(), op.path("path").asText(), op.get("from"),
          op.get("value"), opAt, "op", problems);
      if (built != null) {
        ops.add(built);
      }
    }
    return ops;
  }

  /** One operation; {@code opField} is how the document names the operation ({@code op} or {@code operation}). */
  static PatchOp patchOp(
      String opName, String path, JsonNode from, JsonNode value, String at, String opField, Problems problems) {
    PatchOp.Op op;
    try {
      op = PatchOp.Op.valueOf(opName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(at + "/" + opField, "must be one of add, remove, replace, move, copy, test, found '" + opName + "'");
      return null;
    }
    JsonPointer target = pointer(path, at + "/path", problems);
    if (target != null && target.isRoot() && op != PatchOp.Op.TEST) {
      problems.add(at + "/path", "must point inside the object; an operation on the whole object is not allowed");
      target = null;
    }
    boolean needsFrom = op == PatchOp.Op.MOVE || op == PatchOp.Op.COPY;
    boolean needsValue = op == PatchOp.Op.ADD || op == PatchOp.Op.REPLACE || op == PatchOp.Op.TEST;
    JsonPointer source = null;
    if (needsFrom) {
      if (from == null || from.asText().isEmpty()) {
        problems.add(at, opName + " needs 'from'");
      } else {
        source = pointer(from.asText(), at + "/from", problems);
      }
    } else if (from != null && !from.asText().isEmpty()) {
      problems.add(at + "/from", opName + " takes no 'from'");
    }
    if (needsValue && value == null) {
      problems.add(at, opName + " needs 'value'");
      return null;
    }
    if (target == null || (needsFrom && source == null)) {
      return null;
    }
    return switch (op) {
      case ADD -> PatchOp.add(target, value);
      case REPLACE -> PatchOp.replace(target, value);
      case TEST -> PatchOp.test(target, value);
      case REMOVE -> PatchOp.remove(target);
      case MOVE -> PatchOp.move(source, target);
      case COPY -> PatchOp.copy(source, target);
    };
  }

  private static ReplaceAction replace(JsonNode replace, String at, Problems problems) {
    String path = replace.path("path").asText();
    if (pointer(path, at + "/path", problems) != null && path.isEmpty()) {
      problems.add(at + "/path", "must point inside the object");
    }
    String regex = replace.path("regex").asText();
    String with = replace.path("with").asText();
    Pattern pattern = compile(regex, at + "/regex", problems);
    if (pattern != null) {
      replacement(with, pattern, at + "/with", problems);
    }
    return new ReplaceAction(path, regex, with);
  }

  /** A replacement whose group references ({@code $1}, {@code ${name}}) exist in the pattern. */
  static void replacement(String with, Pattern pattern, String at, Problems problems) {
    int groups = pattern.matcher("").groupCount();
    Matcher m = GROUP_REFERENCE.matcher(with);
    while (m.find()) {
      String token = m.group();
      if (token.startsWith("\\")) {
        continue;
      }
      if (m.group(1) == null) {
        problems.add(at, "a lone '$' must be written \\$; group references are $1 or ${name}");
        return;
      }
      if (m.group(2) != null) {
        if (!pattern.pattern().contains("(?<" + m.group(2) + ">")) {
          problems.add(at, "refers to group ${" + m.group(2) + "} which the regex does not define");
          return;
        }
      } else if (Integer.parseInt(m.group(1).substring(0, 1)) > groups) {
        problems.add(at, "refers to group $" + m.group(1).charAt(0) + " but the regex has "
            + (groups == 0 ? "no groups" : groups == 1 ? "1 group" : groups + " groups"));
        return;
      }
    }
    if (with.endsWith("\\") && !with.endsWith("\\\\")) {
      problems.add(at, "ends with a lone '\\'");
    }
  }

  /** An RFC 6901 pointer, or a problem. */
  static JsonPointer pointer(String text, String at, Problems problems) {
    if (!text.isEmpty() && text.charAt(0) != '/') {
      problems.add(at, "'" + text + "' is not a JSON pointer: it must start with '/', e.g. /spec/replicas");
      return null;
    }
    for (int i = text.indexOf('~'); i >= 0; i = text.indexOf('~', i + 1)) {
      if (i + 1 >= text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1')) {
        problems.add(at, "'" + text + "' is not a JSON pointer: '~' must be followed by 0 or 1 (~0 is ~, ~1 is /)");
        return null;
      }
    }
    return JsonPointer.parse(text);
  }
}
