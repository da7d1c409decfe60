package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A user rule as written in the plan. Only its name is interpreted now; a later phase gives the
 * rest ({@code match}, {@code patch}, {@code actions}) its meaning.
 *
 * @param name unique name of the rule, shown in findings
 * @param definition the whole rule as written, a private copy
 */
public record RuleSpec(String name, ObjectNode definition) {

  public RuleSpec {
    Objects.requireNonNull(name, "name");
    definition = definition.deepCopy();
  }

  /** A copy of the rule as written: changing it changes nothing here. */
  @Override
  public ObjectNode definition() {
    return definition.deepCopy();
  }
}
