package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads {@code spec.rules} of a plan that conforms to the schema: the plan's own rules, and the
 * Velero resource-modifier files it references (resolved against the plan's directory). Semantic
 * problems (a regular expression that does not compile, a pointer that is no pointer, a Velero
 * field umzug does not support) are found here, so that a plan with a broken rule never loads.
 */
final class PlanRules {

  /**
   * @param rules every rule, in plan order, Velero files expanded in place
   * @param problems problems in the plan itself
   * @param external problems in referenced files, already rendered with their own file name
   */
  record Result(List<RuleSpec> rules, List<PlanProblem> problems, List<String> external) {}

  private PlanRules() {}

  static Result read(Path file, String display, JsonNode plan, Supplier<YamlPositions> positions) {
    List<RuleSpec> rules = new ArrayList<>();
    List<PlanProblem> problems = new ArrayList<>();
    List<String> external = new ArrayList<>();
    RuleReader.Problems sink =
        (pointer, message) ->
            problems.add(new PlanProblem(positions.get().value(pointer), PlanProblem.fieldOf(plan, pointer), message));
    Map<String, String> veleroStems = new HashMap<>();
    JsonNode list = plan.path("spec").path("rules");
    String fileName = file.getFileName() == null ? display : file.getFileName().toString();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String at = "/spec/rules/" + i;
      if (!entry.has("veleroResourceModifiers")) {
        rules.add(RuleReader.planRule(entry, at, fileName + " spec.rules[" + i + "]", sink));
        continue;
      }
      String ref = entry.path("veleroResourceModifiers").asText();
      Path velero = file.toAbsolutePath().normalize().getParent().resolve(ref).normalize();
      String veleroDisplay = displayBeside(display, ref);
      String refAt = at + "/veleroResourceModifiers";
      if (!Files.isRegularFile(velero)) {
        sink.add(refAt, "Velero resource-modifier file not found: " + veleroDisplay);
        continue;
      }
      String stem = velero.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      String earlier = veleroStems.putIfAbsent(stem, ref);
      if (earlier != null) {
        sink.add(refAt, "'" + ref + "' and '" + earlier + "' would both give rule ids velero/" + stem
            + "-<n>; rename one file");
        continue;
      }
      VeleroResourceModifiers.Result result;
      try {
        result = VeleroResourceModifiers.read(velero, veleroDisplay);
      } catch (InvalidInputException e) {
        sink.add(refAt, e.getMessage());
        continue;
      }
      rules.addAll(result.rules());
      external.addAll(result.problems());
    }
    return new Result(rules, problems, external);
  }

  /** How to name a referenced file in messages: beside the plan as the plan was named. */
  private static String displayBeside(String planDisplay, String ref) {
    Path ref0 = Path.of(ref);
    if (ref0.isAbsolute()) {
      return ref;
    }
    Path parent = Path.of(planDisplay).getParent();
    return (parent == null ? ref0 : parent.resolve(ref0)).normalize().toString();
  }
}
