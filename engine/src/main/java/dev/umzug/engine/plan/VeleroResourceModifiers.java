package dev.umzug.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.PlanInvalidException;
import dev.umzug.engine.plan.RuleAction.JsonPatchAction;
import dev.umzug.engine.plan.RuleAction.MergePatchAction;
import dev.umzug.engine.plan.RuleMatch.FieldCondition;
import dev.umzug.engine.plan.YamlPositions.Position;
import dev.umzug.engine.spi.PatchOp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads a Velero restore resource-modifier file ({@code version: v1}, {@code
 * resourceModifierRules}) as it is, bare or as the ConfigMap that holds it under its single data
 * key, into {@link RuleSpec}s with ids {@code velero/<file-stem>-<index>}.
 *
 * <p>The semantics follow Velero: {@code groupResource} is a glob in which {@code *} does not cross a
 * {@code .}; {@code namespaces} do not restrict cluster-scoped objects; {@code resourceNameRegex} is
 * searched, not anchored; a patch value is a string that is read as JSON when it is {@code null}, a
 * boolean, a number, or starts with {@code {} or {@code [}, and as a string otherwise (wrap it in
 * escaped quotes to force a string). A rule uses one of {@code patches}, {@code mergePatches} or
 * {@code strategicPatches}; strategic patches are applied as merge patches, and the rule says so in
 * a finding. Anything Velero's format does not have is an error naming the field.
 */
public final class VeleroResourceModifiers {

  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private static final String UNSUPPORTED = "unsupported field ";

  private static final Set<String> TOP = Set.of("version", "resourceModifierRules");
  private static final Set<String> RULE = Set.of("conditions", "patches", "mergePatches", "strategicPatches");
  private static final Set<String> CONDITIONS =
      Set.of("groupResource", "resourceNameRegex", "namespaces", "labelSelector", "matches");
  private static final Set<String> SELECTOR = Set.of("matchLabels", "matchExpressions");
  private static final Set<String> EXPRESSION = Set.of("key", "operator", "values");
  private static final Set<String> MATCH = Set.of("path", "value");
  private static final Set<String> JSON_PATCH = Set.of("operation", "from", "path", "value");
  private static final Set<String> PATCH_DATA = Set.of("patchData");

  private VeleroResourceModifiers() {}

  /**
   * The rules of the file at {@code file}, in file order.
   *
   * @throws PlanInvalidException naming file, line and column of every problem
   * @throws InvalidInputException when the file cannot be read
   */
  public static List<RuleSpec> parse(Path file) {
    Result result = read(file, file.toString());
    if (!result.problems().isEmpty()) {
      throw new PlanInvalidException(file.toString(), result.problems());
    }
    return result.rules();
  }

  /** What reading gave: the rules, or the problems rendered as {@code file:line:col: field: message}. */
  record Result(List<RuleSpec> rules, List<String> problems) {}

  static Result read(Path file, String display) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Velero resource-modifier file not found: " + display, e);
    } catch (IOException e) {
      throw new InvalidInputException("Velero resource-modifier file unreadable: " + display + ": " + e.getMessage(), e);
    }
    String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return read(text, display, stem);
  }

  static Result read(String text, String display, String stem) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root = tree(text, problems);
    if (root == null) {
      return new Result(List.of(), render(problems, display));
    }
    UnaryOperator<Position> shift = UnaryOperator.identity();
    if (root.path("kind").asText().equals("ConfigMap")) {
      YamlPositions outer = YamlPositions.of((YAMLFactory) YAML.getFactory(), text);
      JsonNode data = root.path("data");
      if (!data.isObject() || data.size() != 1 || !data.elements().next().isTextual()) {
        problems.add(new Problem(outer.key("/data"), "data",
            "a resource-modifier ConfigMap holds the modifiers under exactly one data key, as written by"
                + " kubectl create cm <name> --from-file <file>.yaml"));
        return new Result(List.of(), render(problems, display));
      }
      String key = data.fieldNames().next();
      Position at = outer.value("/data/" + YamlPositions.escape(key));
      shift = blockShift(text, at);
      text = data.get(key).asText();
      root = tree(text, problems);
      if (root == null) {
        problems.replaceAll(p -> new Problem(at, "data." + key, p.message()));
        return new Result(List.of(), render(problems, display));
      }
    }
    List<RuleSpec> rules = new ArrayList<>();
    List<Problem> found = new ArrayList<>();
    JsonNode modifiers = root;
    RuleReader.Problems sink = (pointer, message) -> found.add(new Problem(null, pointer, message));
    rules(modifiers, display, stem, sink, rules);
    if (!found.isEmpty()) {
      YamlPositions positions = YamlPositions.of((YAMLFactory) YAML.getFactory(), text);
      for (Problem p : found) {
        // the pointer travels in the field slot until the position is known
        Position at = p.message().startsWith(UNSUPPORTED) ? positions.key(p.field()) : positions.value(p.field());
        problems.add(new Problem(shift.apply(at), PlanProblem.fieldOf(modifiers, p.field()), p.message()));
      }
    }
    return new Result(problems.isEmpty() ? rules : List.of(), render(problems, display));
  }

  private static void rules(JsonNode root, String display, String stem, RuleReader.Problems problems, List<RuleSpec> out) {
    if (!root.isObject()) {
      problems.add("", "a resource-modifier file is a mapping with version: v1 and resourceModifierRules");
      return;
    }
    unknown(root, "", TOP, problems);
    JsonNode version = root.get("version");
    if (version == null) {
      problems.add("", "version is required; the only version is v1");
    } else if (!version.asText().equalsIgnoreCase("v1")) {
      problems.add("/version", "unsupported version '" + version.asText() + "'; the only version is v1");
    }
    JsonNode list = root.path("resourceModifierRules");
    if (!list.isArray() || list.isEmpty()) {
      problems.add(root.has("resourceModifierRules") ? "/resourceModifierRules" : "",
          "resourceModifierRules must be a non-empty list");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      RuleSpec rule = rule(list.get(i), "/resourceModifierRules/" + i, display + " resourceModifierRules[" + i + "]", stem + "-" + i, problems);
      if (rule != null) {
        out.add(rule);
      }
    }
  }

  private static RuleSpec rule(JsonNode rule, String at, String origin, String name, RuleReader.Problems problems) {
    if (!rule.isObject()) {
      problems.add(at, "a rule is a mapping with conditions and one of patches, mergePatches, strategicPatches");
      return null;
    }
    unknown(rule, at, RULE, problems);
    JsonNode conditions = rule.path("conditions");
    RuleMatch match = null;
    if (!conditions.isObject()) {
      problems.add(at, "conditions with groupResource are required");
    } else {
      match = conditions(conditions, at + "/conditions", problems);
    }
    List<String> kinds = new ArrayList<>();
    for (String kind : List.of("patches", "mergePatches", "strategicPatches")) {
      JsonNode patches = rule.get(kind);
      if (patches != null && !(patches.isArray() && patches.isEmpty()) && !patches.isNull()) {
        kinds.add(kind);
      }
    }
    if (kinds.size() != 1) {
      problems.add(at, kinds.isEmpty()
          ? "give one of patches, mergePatches or strategicPatches"
          : "a rule may use only one of patches, mergePatches or strategicPatches, not " + String.join(" and ", kinds));
      return null;
    }
    String kind = kinds.get(0);
    JsonNode patches = rule.get(kind);
    if (!patches.isArray()) {
      problems.add(at + "/" + kind, "must be a list");
      return null;
    }
    List<RuleAction> actions = new ArrayList<>();
    if (kind.equals("patches")) {
      List<PatchOp> ops = new ArrayList<>();
      for (int i = 0; i < patches.size(); i++) {
        PatchOp op = jsonPatch(patches.get(i), at + "/patches/" + i, problems);
        if (op != null) {
          ops.add(op);
        }
      }
      actions.add(new JsonPatchAction(ops));
    } else {
      for (int i = 0; i < patches.size(); i++) {
        String pAt = at + "/" + kind + "/" + i;
        ObjectNode data = patchData(patches.get(i), pAt, problems);
        if (data != null) {
          actions.add(new MergePatchAction(data, kind.equals("strategicPatches")));
        }
      }
    }
    if (match == null) {
      return null;
    }
    return new RuleSpec("velero/" + name, name, Optional.empty(), match, actions, origin);
  }

  private static RuleMatch conditions(JsonNode c, String at, RuleReader.Problems problems) {
    unknown(c, at, CONDITIONS, problems);
    List<String> resources = List.of();
    JsonNode groupResource = c.get("groupResource");
    if (groupResource == null || !groupResource.isTextual() || groupResource.asText().isEmpty()) {
      problems.add(groupResource == null ? at : at + "/groupResource",
          "groupResource is required, e.g. deployments.apps, *.apps or persistentvolumeclaims");
    } else {
      resources = RuleReader.resources(JsonNodeFactory.instance.arrayNode().add(groupResource), at + "/groupResource", (p, m) -> problems.add(at + "/groupResource", m));
    }
    JsonNode namespaces = c.path("namespaces");
    if (!namespaces.isMissingNode() && !namespaces.isArray()) {
      problems.add(at + "/namespaces", "must be a list of namespaces");
    }
    JsonNode selector = c.get("labelSelector");
    if (selector != null) {
      if (!selector.isObject()) {
        problems.add(at + "/labelSelector", "must be a mapping with matchLabels and/or matchExpressions");
        selector = null;
      } else {
        unknown(selector, at + "/labelSelector", SELECTOR, problems);
        JsonNode expressions = selector.path("matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
          unknown(expressions.get(i), at + "/labelSelector/matchExpressions/" + i, EXPRESSION, problems);
        }
      }
    }
    List<FieldCondition> fields = new ArrayList<>();
    JsonNode matches = c.path("matches");
    for (int i = 0; i < matches.size(); i++) {
      JsonNode m = matches.get(i);
      String mAt = at + "/matches/" + i;
      unknown(m, mAt, MATCH, problems);
      String path = m.path("path").asText();
      if (path.isEmpty()) {
        problems.add(mAt, "path is required for a match");
        continue;
      }
      RuleReader.pointer(path, mAt + "/path", problems);
      fields.add(new FieldCondition(path, Optional.of(value(m.get("value"), mAt + "/value", problems)), Optional.empty(), true));
    }
    return new RuleMatch(
        resources,
        RuleReader.namespaces(namespaces.isArray() ? namespaces : JsonNodeFactory.instance.arrayNode(), at + "/namespaces", problems),
        true,
        RuleReader.regex(c.get("resourceNameRegex"), at + "/resourceNameRegex", problems),
        RuleReader.labelSelector(selector, at + "/labelSelector", problems),
        fields);
  }

  private static PatchOp jsonPatch(JsonNode patch, String at, RuleReader.Problems problems) {
    unknown(patch, at, JSON_PATCH, problems);
    String operation = patch.path("operation").asText();
    if (operation.isEmpty()) {
      problems.add(at, "operation is required: add, remove, replace, move, copy or test");
      return null;
    }
    if (patch.path("path").asText().isEmpty()) {
      problems.add(at, "path is required");
      return null;
    }
    JsonNode value = patch.has("value") ? value(patch.get("value"), at + "/value", problems) : null;
    PatchOp.Op op;
    try {
      op = PatchOp.Op.valueOf(operation.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      op = null;
    }
    if (value == null && (op == PatchOp.Op.ADD || op == PatchOp.Op.REPLACE || op == PatchOp.Op.TEST)) {
      value = JsonNodeFactory.instance.textNode(""); // Velero sends an absent value as ""
    }
    return RuleReader.patchOp(operation, patch.path("path").asText(), patch.get("from"), value, at, "operation", problems);
  }

  private static ObjectNode patchData(JsonNode patch, String at, RuleReader.Problems problems) {
    unknown(patch, at, PATCH_DATA, problems);
    JsonNode data = patch.get("patchData");
    if (data == null || !data.isTextual()) {
      problems.add(data == null ? at : at + "/patchData", "patchData is required: the patch as a JSON or YAML string");
      return null;
    }
    try {
      JsonNode parsed = YAML.readTree(data.asText());
      if (parsed instanceof ObjectNode object) {
        return object;
      }
      problems.add(at + "/patchData", "patchData must hold a mapping, e.g. {\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    } catch (JsonProcessingException e) {
      problems.add(at + "/patchData", "patchData is neither JSON nor YAML: " + e.getOriginalMessage());
    }
    return null;
  }

  /**
   * A Velero patch or match value: a string read as JSON when it is null, a boolean, a number or
   * starts with '{' or '['; a string in escaped quotes is that string; anything else is a string.
   */
  static JsonNode value(JsonNode node, String at, RuleReader.Problems problems) {
    if (node == null || node.isNull()) {
      return JsonNodeFactory.instance.textNode("");
    }
    if (!node.isTextual()) {
      return node; // written unquoted in YAML: Velero wants a string, the meaning is plain
    }
    String text = node.asText();
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return JsonNodeFactory.instance.textNode(text.substring(1, text.length() - 1));
    }
    boolean json =
        text.equals("null")
            || text.equalsIgnoreCase("true")
            || text.equalsIgnoreCase("false")
            || text.startsWith("{")
            || text.startsWith("[")
            || isNumber(text);
    if (!json || text.isEmpty()) {
      return JsonNodeFactory.instance.textNode(text);
    }
    try {
      return new ObjectMapper().readTree(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? text.toLowerCase(java.util.Locale.ROOT) : text);
    } catch (JsonProcessingException e) {
      problems.add(at, "Velero passes this value on as JSON, and it is not valid JSON: " + e.getOriginalMessage());
      return JsonNodeFactory.instance.textNode(text);
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return !text.endsWith("d") && !text.endsWith("D") && !text.endsWith("f") && !text.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void unknown(JsonNode node, String at, Set<String> known, RuleReader.Problems problems) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String closest = PlanSchema.closest(name, new ArrayList<>(known));
        String hint = name.equals("groupKind") ? "; Velero renamed it groupResource"
            : closest != null ? "; did you mean '" + closest + "'?"
            : "; Velero's format has " + String.join(", ", known.stream().sorted().toList()) + " here";
        problems.add(at + "/" + YamlPositions.escape(name), UNSUPPORTED + "'" + name + "'" + hint);
      }
    }
  }

  private static JsonNode tree(String text, List<Problem> problems) {
    try {
      JsonNode node = YAML.readTree(text);
      if (node == null || node.isMissingNode() || node.isNull()) {
        problems.add(new Problem(Position.START, "", "the file is empty; it needs version: v1 and resourceModifierRules"));
        return null;
      }
      return node;
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      Position at = location == null ? Position.START
          : new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
      String message = e.getOriginalMessage();
      int newline = message.indexOf('\n');
      problems.add(new Problem(at, "", "YAML syntax error: " + (newline < 0 ? message : message.substring(0, newline))));
      return null;
    }
  }

  /**
   * Maps a position inside the ConfigMap's data value to the file: exact for a block scalar ({@code
   * |} or {@code >}), the start of the value otherwise.
   */
  private static UnaryOperator<Position> blockShift(String text, Position value) {
    String[] lines = text.split("\r?\n", -1);
    String line = value.line() <= lines.length ? lines[value.line() - 1] : "";
    boolean block = value.column() - 1 < line.length() && "|>".indexOf(line.charAt(value.column() - 1)) >= 0;
    if (!block) {
      return p -> value;
    }
    int indent = 0;
    for (int i = value.line(); i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        indent = lines[i].length() - lines[i].stripLeading().length();
        break;
      }
    }
    int offset = indent;
    return p -> new Position(value.line() + p.line(), p.column() + offset);
  }

  private static List<String> render(List<Problem> problems, String display) {
    return problems.stream()
        .map(p -> new PlanProblem(p.position(), p.field(), p.message()))
        .sorted(PlanProblem.ORDER)
        .map(p -> p.render(display))
        .distinct()
        .toList();
  }

  private record Problem(Position position, String field, String message) {}
}
