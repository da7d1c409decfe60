package dev.umzug.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.rewrite.RewriteEngine;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks every family of rules must pass, over the inputs of its file-based cases. */
public final class RuleContracts {

  private RuleContracts() {}

  /** Every input document of every case below {@code cases}, located as {@code case#index}. */
  public static List<ResourceView> inputs(Path cases) {
    List<ResourceView> views = new ArrayList<>();
    for (RewriteCase c : RewriteCase.under(cases)) {
      for (int i = 0; i < c.input().size(); i++) {
        views.add(ResourceView.of(c.input().get(i), c.dir().getFileName() + "#" + i));
      }
    }
    return views;
  }

  /** The rule leaves every object it reads exactly as it was. */
  public static void neverMutatesInput(
      RewriteRule rule, List<ResourceView> views, RewriteContext context) {
    for (ResourceView view : views) {
      if (!rule.appliesTo().matches(view.ref())) {
        continue;
      }
      ObjectNode before = ((ObjectNode) view.json()).deepCopy();
      rule.apply(view, context);
      assertThat(view.json()).as("%s on %s", rule.id(), view).isEqualTo(before);
    }
  }

  /** Run together, the rules never make the engine report a merge conflict or fail an object. */
  public static void disjointPaths(
      List<RewriteRule> rules, List<ResourceView> views, RewriteContext context) {
    RewriteEngine engine = new RewriteEngine(rules, context);
    for (ResourceView view : views) {
      ObjectOutcome outcome = engine.rewrite(view);
      assertThat(outcome.findings())
          .as("findings of %s", view)
          .noneMatch(f -> f.ruleId().equals(RewriteEngine.ENGINE_ID));
      assertThat(outcome.status()).as("%s", view).isNotEqualTo(ObjectOutcome.Status.FAILED);
    }
  }
}
