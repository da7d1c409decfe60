package dev.umzug.providers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.rewrite.AppliedChange;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.testing.RewriteCase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pack's rule catalog")
class RuleCatalogTest {

  private static final String PACK = "dev.umzug.providers.rules.";

  private static List<RewriteRule> packRules() {
    return Registry.load().rules().stream()
        .filter(r -> r.getClass().getName().startsWith(PACK))
        .toList();
  }

  @Test
  @DisplayName("every rule has a unique id of the form area/verb-object and a description")
  void idsAreUniqueAndWellFormed() {
    List<RewriteRule> rules = packRules();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(26);
    Set<String> ids = new HashSet<>();
    for (RewriteRule rule : rules) {
      assertThat(ids.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
      assertThat(rule.id()).matches("^[a-z0-9-]+/[a-z0-9-]+$");
      assertThat(rule.description()).as(rule.id()).isNotBlank();
    }
  }

  @Test
  @DisplayName("every registered rule class is named verb + object + Rule and lives in its area's package")
  void classNamesEndInRule() {
    for (RewriteRule rule : packRules()) {
      assertThat(rule.getClass().getSimpleName()).endsWith("Rule");
      assertThat(rule.getClass().getPackageName()).startsWith(PACK.substring(0, PACK.length() - 1));
    }
  }

  @Test
  @DisplayName("every rule fires in some case and leaves some kept object alone in another")
  void everyRuleIsCoveredBothWays() {
    Set<String> fired = new TreeSet<>();
    Set<String> leftAlone = new TreeSet<>();
    for (RewriteCase c : PackCases.all()) {
      for (ObjectOutcome o : c.run(Registry.load()).outcomes()) {
        Set<String> acting = new HashSet<>();
        o.findings().stream().map(Finding::ruleId).forEach(acting::add);
        o.changes().stream().map(AppliedChange::ruleId).forEach(acting::add);
        fired.addAll(acting);
        if (o.status() == ObjectOutcome.Status.CONVERTED) {
          c.ruleIds().stream().filter(id -> !acting.contains(id)).forEach(leftAlone::add);
        }
      }
    }
    for (RewriteRule rule : packRules()) {
      assertThat(fired).as("a case where %s fires", rule.id()).contains(rule.id());
      assertThat(leftAlone).as("a case where %s leaves an object alone", rule.id()).contains(rule.id());
    }
  }
}
