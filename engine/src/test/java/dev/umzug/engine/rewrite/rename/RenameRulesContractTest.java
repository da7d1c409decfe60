package dev.umzug.engine.rewrite.rename;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.inventory.IndexedInventory;
import dev.umzug.engine.rewrite.RewriteEngine;
import dev.umzug.engine.rewrite.SimpleRewriteContext;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.testing.RewriteCase;
import dev.umzug.engine.testing.RuleContracts;
import dev.umzug.engine.testing.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every namespace rule promises, checked over every input of every rename case. */
class RenameRulesContractTest {

  private static final Mappings RENAMES =
      new Mappings(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of("shop", "shop-eu"));

  static List<RewriteRule> rules() {
    return TestProfile.registry().rules().stream()
        .filter(r -> r.id().startsWith("namespace/"))
        .toList();
  }

  /** The rules that fix references: every namespace rule but the move itself. */
  static List<RewriteRule> fixups() {
    return rules().stream().filter(r -> !(r instanceof RenameNamespaceRule)).toList();
  }

  static List<ResourceView> inputs() {
    return RuleContracts.inputs(RenameRulesCaseTest.CASES);
  }

  private static RewriteContext context(List<ResourceView> views) {
    return new SimpleRewriteContext(
        TestProfile.SOURCE, TestProfile.TARGET, RENAMES, IndexedInventory.of(views));
  }

  @Test
  @DisplayName("seven namespace rules are registered with namespace/ ids and verb-object-Rule names;"
      + " the fix-ups run after the provider rules and before the operator's rules")
  void registered() {
    Pattern id = Pattern.compile("namespace/(rename|rewrite|flag)-[a-z]+(-[a-z]+)*");
    assertThat(rules()).hasSize(7).allSatisfy(r -> {
      assertThat(r.id()).matches(id);
      assertThat(r.description()).isNotBlank();
      assertThat(r.getClass().getSimpleName()).matches("(Rename|Rewrite|Flag)[A-Za-z]+Rule");
    });
    assertThat(fixups()).hasSize(6).allSatisfy(r -> assertThat(r.priority())
        .isEqualTo(Renames.PRIORITY)
        .isGreaterThan(RewriteRule.PRIORITY_PROVIDER)
        .isLessThan(RewriteRule.PRIORITY_USER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @DisplayName("a rule never modifies the object it reads")
  void neverMutatesInput(RewriteRule rule) {
    List<ResourceView> views = inputs();
    RuleContracts.neverMutatesInput(rule, views, context(views));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @DisplayName("a rule gives the same patch and findings, in the same order, for the same case read"
      + " in any order")
  void deterministic(RewriteRule rule) {
    for (RewriteCase c : RewriteCase.under(RenameRulesCaseTest.CASES)) {
      List<ResourceView> views = RuleContracts.inputs(c.dir());
      List<ResourceView> reversed = new ArrayList<>(views);
      Collections.reverse(reversed);
      for (ResourceView view : views) {
        if (!rule.appliesTo().matches(view.ref())) {
          continue;
        }
        RewriteResult first = rule.apply(view, context(views));
        ResourceView copy = ResourceView.of(((ObjectNode) view.json()).deepCopy(), view.location());
        RewriteResult second = rule.apply(copy, context(reversed));
        assertThat(second.patch().stream().map(PatchOp::toString).toList())
            .as("%s on %s", rule.id(), view)
            .isEqualTo(first.patch().stream().map(PatchOp::toString).toList());
        assertThat(second.findings()).as("%s on %s", rule.id(), view).isEqualTo(first.findings());
      }
    }
  }

  @Test
  @DisplayName("no two namespace rules touch overlapping paths of any input object")
  void disjointPaths() {
    List<ResourceView> views = inputs();
    RuleContracts.disjointPaths(rules(), views, context(views));
  }

  @Test
  @DisplayName("the fix-ups only replace values, and the flag rules patch nothing")
  void onlyReplacements() {
    List<ResourceView> views = inputs();
    RewriteContext context = context(views);
    for (RewriteRule rule : fixups()) {
      for (ResourceView view : views) {
        if (!rule.appliesTo().matches(view.ref())) {
          continue;
        }
        List<PatchOp> patch = rule.apply(view, context).patch();
        assertThat(patch).as("%s on %s", rule.id(), view).allMatch(op -> op.op() == PatchOp.Op.REPLACE);
        if (rule.id().startsWith("namespace/flag-")) {
          assertThat(patch).as("%s on %s", rule.id(), view).isEmpty();
        }
      }
    }
  }

  @Test
  @DisplayName("no finding about a Secret repeats its values or the host names in them")
  void secretValuesStayOut() {
    List<ResourceView> views = inputs();
    RewriteEngine engine = new RewriteEngine(rules(), context(views));
    List<String> secrets = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (ResourceView view : views) {
      if (view.is("", "Secret")) {
        findings.addAll(engine.rewrite(view).findings());
        view.json().path("data").forEach(v -> secrets.add(
            new String(Base64.getDecoder().decode(v.asText()), StandardCharsets.UTF_8)));
        view.json().path("stringData").forEach(v -> secrets.add(v.asText()));
      }
    }
    assertThat(secrets).isNotEmpty();
    List<String> parts = new ArrayList<>();
    for (String secret : secrets) {
      parts.add(secret.strip());
      for (String part : secret.split("[\\s/:@,]+")) {
        if (part.length() > 6) {
          parts.add(part);
        }
      }
    }
    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      for (String part : parts) {
        assertThat(f.message()).doesNotContain(part);
        assertThat(f.remediation()).doesNotContain(part);
      }
    });
  }
}
