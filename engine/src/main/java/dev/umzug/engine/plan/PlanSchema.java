package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.umzug.engine.plan.YamlPositions.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plan's JSON Schema ({@code plans/schema/migration-plan.schema.json}, copied onto the class
 * path by the build) and the translation of its validation messages into {@link PlanProblem}s that
 * name the field in plan terms and point at the right line.
 */
final class PlanSchema {

  static final String RESOURCE = "/dev/umzug/engine/plan/schema/migration-plan.schema.json";

  /** Field names that can only hold a secret; the message says where secrets belong instead. */
  private static final Pattern SECRET_FIELD =
      Pattern.compile("(?i).*(secret|password|token|accesskey).*");

  /** Messages about a value point at the value; the others point at the key that holds it. */
  private static final List<String> VALUE_MESSAGES =
      List.of("enum", "const", "type", "pattern", "minLength", "maxLength", "format");

  private static final PlanSchema INSTANCE = load();

  private final JsonNode tree;
  private final JsonSchema schema;

  private PlanSchema(JsonNode tree, JsonSchema schema) {
    this.tree = tree;
    this.schema = schema;
  }

  static PlanSchema get() {
    return INSTANCE;
  }

  private static PlanSchema load() {
    try (InputStream in = PlanSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("plan schema missing from the class path: " + RESOURCE);
      }
      JsonNode tree = new ObjectMapper().readTree(in);
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder()
              .locale(Locale.ENGLISH)
              .pathType(PathType.JSON_POINTER)
              .errorMessageKeyword("errorMessage")
              .build();
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree, config);
      schema.initializeValidators();
      return new PlanSchema(tree, schema);
    } catch (IOException e) {
      throw new UncheckedIOException("plan schema unreadable: " + RESOURCE, e);
    }
  }

  /**
   * Every schema violation in {@code plan}, unsorted; empty when the plan conforms. {@code
   * positions} is only asked for when there is a violation.
   */
  List<PlanProblem> validate(JsonNode plan, Supplier<YamlPositions> positions) {
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(plan));
    // a failed oneOf also reports why each branch failed; its own message says it better
    List<String> oneOfs =
        messages.stream()
            .filter(m -> m.getType().equals("oneOf"))
            .map(m -> m.getEvaluationPath().toString() + "/")
            .collect(Collectors.toList());
    // "give one of output or ..." says nothing new next to "unknown field 'outputs'"
    List<String> withUnknownFields =
        messages.stream()
            .filter(m -> m.getType().equals("additionalProperties"))
            .map(m -> pointer(m.getInstanceLocation()))
            .collect(Collectors.toList());
    List<PlanProblem> problems = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String evaluation = m.getEvaluationPath().toString();
      boolean explained =
          oneOfs.stream().anyMatch(evaluation::startsWith)
              || (m.getType().equals("oneOf")
                  && withUnknownFields.contains(pointer(m.getInstanceLocation()))
                  && choicesGiven(m, plan.at(pointer(m.getInstanceLocation()))).isEmpty());
      if (!explained) {
        problems.add(translate(m, plan, positions.get()));
      }
    }
    return problems;
  }

  private PlanProblem translate(ValidationMessage m, JsonNode plan, YamlPositions positions) {
    String pointer = pointer(m.getInstanceLocation());
    String type = m.getType();
    switch (type) {
      case "required":
        return at(positions.key(pointer), plan, child(pointer, m.getProperty()), "is required");
      case "additionalProperties":
        String unknown = child(pointer, m.getProperty());
        return at(positions.key(unknown), plan, unknown, unknownField(m));
      case "oneOf":
        return at(positions.key(pointer), plan, pointer, exactlyOne(m, plan.at(pointer)));
      case "false":
        return at(positions.key(pointer), plan, pointer, notAllowed(m));
      default:
        Position position =
            VALUE_MESSAGES.contains(type) ? positions.value(pointer) : positions.key(pointer);
        return at(position, plan, pointer, describe(m, plan.at(pointer)));
    }
  }

  private static PlanProblem at(Position position, JsonNode plan, String pointer, String message) {
    return new PlanProblem(position, PlanProblem.fieldOf(plan, pointer), message);
  }

  private String unknownField(ValidationMessage m) {
    String name = m.getProperty();
    if (SECRET_FIELD.matcher(name).matches()) {
      return "secrets must not be written into a plan; name where the keys come from with"
          + " store.credentials.fromEnv or store.credentials.profile";
    }
    List<String> known = names(schemaAt(m, "/additionalProperties").path("properties").fieldNames());
    String closest = closest(name, known);
    if (closest != null) {
      return "unknown field '" + name + "'; did you mean '" + closest + "'?";
    }
    return "unknown field '" + name + "'" + (known.isEmpty() ? "" : "; known fields: " + String.join(", ", known));
  }

  private static String exactlyOne(ValidationMessage m, JsonNode instance) {
    List<String> given = choicesGiven(m, instance);
    String options = or(choices(m));
    return given.isEmpty()
        ? "give one of " + options
        : "give only one of " + options + ", not " + String.join(" and ", given);
  }

  /** The member names a {@code oneOf} of {@code required} branches chooses between. */
  private static List<String> choices(ValidationMessage m) {
    List<String> choices = new ArrayList<>();
    for (JsonNode branch : m.getSchemaNode()) {
      branch.path("required").forEach(r -> choices.add(r.asText()));
    }
    return choices;
  }

  private static List<String> choicesGiven(ValidationMessage m, JsonNode instance) {
    return choices(m).stream().filter(instance::has).collect(Collectors.toList());
  }

  /**
   * A {@code false} schema under an {@code if}/{@code then}/{@code else}: the condition, read from
   * the {@code if}'s single {@code const} property, tells the reader when the field is allowed.
   */
  private String notAllowed(ValidationMessage m) {
    String fragment = fragment(m);
    for (String branch : List.of("/then/", "/else/")) {
      int at = fragment.lastIndexOf(branch);
      if (at < 0) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> conditions =
          tree.at(fragment.substring(0, at) + "/if/properties").properties().iterator();
      if (conditions.hasNext()) {
        Map.Entry<String, JsonNode> condition = conditions.next();
        String when = condition.getKey() + " is " + condition.getValue().path("const").asText();
        return branch.equals("/then/") ? "not allowed when " + when : "only allowed when " + when;
      }
    }
    return "not allowed here";
  }

  private static String describe(ValidationMessage m, JsonNode value) {
    switch (m.getType()) {
      case "enum":
        List<String> allowed = names(m.getSchemaNode().elements());
        return "must be one of " + String.join(", ", allowed) + found(value);
      case "const":
        return "must be " + m.getSchemaNode().asText() + found(value);
      case "type":
        return "must be " + article(String.valueOf(m.getArguments()[1]))
            + ", found " + article(String.valueOf(m.getArguments()[0]));
      case "uniqueItems":
        return "must not list the same item twice";
      default:
        if (m.getMessage().equals(m.getMessageKey())) {
          return m.getMessage(); // written in the schema's errorMessage
        }
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        return colon >= 0 ? text.substring(colon + 2) : text;
    }
  }

  private static String found(JsonNode value) {
    if (value == null || !value.isValueNode()) {
      return "";
    }
    String text = value.asText();
    return ", found '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  private JsonNode schemaAt(ValidationMessage m, String suffix) {
    String fragment = fragment(m);
    return tree.at(fragment.endsWith(suffix) ? fragment.substring(0, fragment.length() - suffix.length()) : fragment);
  }

  private static String fragment(ValidationMessage m) {
    return m.getSchemaLocation().getFragment().toString();
  }

  static String pointer(JsonNodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(YamlPositions.escape(String.valueOf(path.getElement(i))));
    }
    return out.toString();
  }

  private static String child(String pointer, String name) {
    return pointer + "/" + YamlPositions.escape(name);
  }

  private static List<String> names(Iterator<?> items) {
    List<String> out = new ArrayList<>();
    items.forEachRemaining(o -> out.add(o instanceof JsonNode ? ((JsonNode) o).asText() : String.valueOf(o)));
    return out;
  }

  private static String or(List<String> choices) {
    if (choices.size() < 2) {
      return String.join("", choices);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
  }

  /** The known name within edit distance 2 of {@code name} (or equal ignoring case), if any. */
  static String closest(String name, List<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : known) {
      int distance =
          candidate.equalsIgnoreCase(name) ? 0 : distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
