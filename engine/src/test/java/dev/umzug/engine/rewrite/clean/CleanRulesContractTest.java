package dev.umzug.engine.rewrite.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.inventory.IndexedInventory;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.rewrite.RewriteEngine;
import dev.umzug.engine.rewrite.SimpleRewriteContext;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.testing.RuleContracts;
import dev.umzug.engine.testing.TestProfile;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every clean rule promises, checked over every input of every clean case. */
class CleanRulesContractTest {

  static List<RewriteRule> rules() {
    return TestProfile.registry().rules().stream()
        .filter(r -> r.id().startsWith("clean/"))
        .toList();
  }

  static List<ResourceView> inputs() {
    return RuleContracts.inputs(CleanRulesCaseTest.CASES);
  }

  private static RewriteContext context(List<ResourceView> views) {
    return new SimpleRewriteContext(
        TestProfile.SOURCE, TestProfile.TARGET, Mappings.none(), IndexedInventory.of(views));
  }

  @Test
  @DisplayName("thirteen clean rules are registered, each with a clean/ id, the clean priority and a"
      + " verb-object-Rule class name")
  void registered() {
    Pattern id = Pattern.compile("clean/(strip|drop)-[a-z]+(-[a-z]+)*");
    assertThat(rules()).hasSize(13).allSatisfy(r -> {
      assertThat(r.id()).matches(id);
      assertThat(r.priority()).isEqualTo(RewriteRule.PRIORITY_CLEAN);
      assertThat(r.description()).isNotBlank();
      assertThat(r.getClass().getSimpleName()).matches("(Strip|Drop)[A-Za-z]+Rule");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @DisplayName("a rule never modifies the object it reads")
  void neverMutatesInput(RewriteRule rule) {
    List<ResourceView> views = inputs();
    RuleContracts.neverMutatesInput(rule, views, context(views));
  }

  @Test
  @DisplayName("no two clean rules touch overlapping paths of any input object")
  void disjointPaths() {
    List<ResourceView> views = inputs();
    RuleContracts.disjointPaths(rules(), views, context(views));
  }

  @Test
  @DisplayName("a dropped object always gets a reason naming why")
  void dropsHaveReasons() {
    List<ResourceView> views = inputs();
    RewriteEngine engine = new RewriteEngine(rules(), context(views));
    for (ResourceView view : views) {
      ObjectOutcome outcome = engine.rewrite(view);
      if (outcome.status() == ObjectOutcome.Status.DROPPED) {
        assertThat(outcome.dropReasons()).allSatisfy(r -> assertThat(r).hasSizeGreaterThan(20));
      }
    }
  }

  @Test
  @DisplayName("patches of the clean rules only remove")
  void onlyRemovals() {
    List<ResourceView> views = inputs();
    RewriteContext context = context(views);
    for (RewriteRule rule : rules()) {
      for (ResourceView view : views) {
        if (rule.appliesTo().matches(view.ref())) {
          assertThat(rule.apply(view, context).patch())
              .as("%s on %s", rule.id(), view)
              .allMatch(op -> op.op() == PatchOp.Op.REMOVE);
        }
      }
    }
  }
}
