package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a plan must satisfy beyond its schema: names that must be unique, and age recipients whose
 * checksum must match. Runs only on a plan that conforms to the schema.
 */
final class PlanChecks {

  private PlanChecks() {}

  static List<PlanProblem> check(JsonNode plan, Supplier<YamlPositions> positions) {
    List<PlanProblem> problems = new ArrayList<>();
    JsonNode spec = plan.path("spec");

    Map<String, String> sources = new HashMap<>();
    Map<String, String> targets = new HashMap<>();
    JsonNode namespaces = spec.path("namespaces");
    for (int i = 0; i < namespaces.size(); i++) {
      JsonNode ns = namespaces.get(i);
      String at = "/spec/namespaces/" + i;
      String name = ns.path("name").asText();
      String target = ns.path("renameTo").asText(name);
      String earlier = sources.putIfAbsent(name, at);
      if (earlier != null) {
        problems.add(problem(plan, positions, at + "/name", "namespace '" + name + "' is listed twice"));
      } else if (targets.containsKey(target)) {
        problems.add(problem(plan, positions, at, "namespaces '" + nameAt(plan, targets.get(target))
            + "' and '" + name + "' would both become '" + target + "'"));
      }
      targets.putIfAbsent(target, at);
    }

    Map<String, String> rules = new HashMap<>();
    JsonNode ruleList = spec.path("rules");
    for (int i = 0; i < ruleList.size(); i++) {
      if (!ruleList.get(i).has("name")) {
        continue; // a Velero file reference; its rules are named after the file
      }
      String name = ruleList.get(i).path("name").asText();
      if (rules.putIfAbsent(name, "/spec/rules/" + i) != null) {
        problems.add(problem(plan, positions, "/spec/rules/" + i + "/name", "rule '" + name + "' is defined twice"));
      }
    }

    JsonNode recipients = spec.path("encryption").path("recipients");
    for (int i = 0; i < recipients.size(); i++) {
      if (!AgeRecipients.isValid(recipients.get(i).asText())) {
        problems.add(problem(plan, positions, "/spec/encryption/recipients/" + i,
            "not a valid age recipient: its bech32 checksum does not match (a typo?)"));
      }
    }
    return problems;
  }

  private static String nameAt(JsonNode plan, String pointer) {
    return plan.at(pointer).path("name").asText();
  }

  private static PlanProblem problem(
      JsonNode plan, Supplier<YamlPositions> positions, String pointer, String message) {
    return new PlanProblem(positions.get().value(pointer), PlanProblem.fieldOf(plan, pointer), message);
  }
}
