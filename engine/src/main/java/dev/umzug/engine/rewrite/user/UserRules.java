package dev.umzug.engine.rewrite.user;

import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.RuleSpec;
import dev.umzug.engine.spi.RewriteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's rules of a plan as rewrite rules. Callers append them to the registry's rules:
 *
 * <pre>{@code
 * List<RewriteRule> rules = new ArrayList<>(registry.rules());
 * rules.addAll(UserRules.from(plan));
 * new RewriteEngine(rules, context);
 * }</pre>
 */
public final class UserRules {

  private UserRules() {}

  /** One {@link UserRule} per rule of {@code plan.rules()}, in plan order. */
  public static List<RewriteRule> from(MigrationPlan plan) {
    return from(plan.rules());
  }

  /** One {@link UserRule} per spec, in the given order. */
  public static List<RewriteRule> from(List<RuleSpec> specs) {
    List<RewriteRule> rules = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      rules.add(new UserRule(specs.get(i), i));
    }
    return List.copyOf(rules);
  }
}
