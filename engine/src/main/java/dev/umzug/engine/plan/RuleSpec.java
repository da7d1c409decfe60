package dev.umzug.engine.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user rule, read from the plan's {@code spec.rules} or from a Velero resource-modifier file it
 * references, checked and ready to run. Values only: regular expressions are kept as text (checked
 * to compile when the plan was loaded), so that two loads of one plan give equal models.
 *
 * @param id the rule id in findings: {@code user/<name>} or {@code velero/<file-stem>-<index>}
 * @param name the rule's name in the plan, or {@code <file-stem>-<index>} for a Velero rule
 * @param description what the rule is for, if written
 * @param match which objects it applies to
 * @param actions what it does to them, in order
 * @param origin where it was written, for messages, e.g. {@code plan.yaml spec.rules[2]}
 */
public record RuleSpec(
    String id,
    String name,
    Optional<String> description,
    RuleMatch match,
    List<RuleAction> actions,
    String origin) {

  public RuleSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(origin, "origin");
    actions = List.copyOf(actions);
  }
}
