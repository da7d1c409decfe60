package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.plan.YamlPositions.Position;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * One thing wrong with a plan: where it is, which field, and what is wrong, rendered as {@code
 * plans/x/plan.yaml:12:5: spec.target.provider: must be one of ...}.
 *
 * @param position where in the file
 * @param field the field at fault in dotted form ({@code spec.namespaces[0].name}), empty for the
 *     whole document
 * @param message what is wrong, one line, never a secret value
 */
record PlanProblem(Position position, String field, String message) {

  static final Comparator<PlanProblem> ORDER =
      Comparator.comparing(PlanProblem::position)
          .thenComparing(PlanProblem::field)
          .thenComparing(PlanProblem::message);

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  String render(String file) {
    return file + ":" + position + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }

  /**
   * The dotted form of a JSON pointer into {@code root}: array elements as {@code [i]}, names that
   * are not plain identifiers quoted ({@code registries["123.dkr.ecr..."]}).
   */
  static String fieldOf(JsonNode root, String pointer) {
    StringBuilder out = new StringBuilder();
    JsonNode node = root;
    for (String raw : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      String name = raw.replace("~1", "/").replace("~0", "~");
      if (node != null && node.isArray()) {
        out.append('[').append(name).append(']');
        node = node.path(Integer.parseInt(name));
      } else {
        if (PLAIN_NAME.matcher(name).matches()) {
          out.append(out.length() == 0 ? "" : ".").append(name);
        } else {
          out.append("[\"").append(name).append("\"]");
        }
        node = node == null ? null : node.get(name);
      }
    }
    return out.toString();
  }
}
