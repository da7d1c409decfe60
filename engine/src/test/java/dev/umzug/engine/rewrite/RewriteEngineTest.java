package dev.umzug.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.inventory.IndexedInventory;
import dev.umzug.engine.spi.Capability;
import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.Jurisdiction;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rewrite engine")
class RewriteEngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ProviderProfile profile(String id) {
    return new ProviderProfile() {
      public String id() { return id; }
      public String displayName() { return id; }
      public Jurisdiction jurisdiction() { return new Jurisdiction("EU", id, false, List.of(), Confidence.CONFIRMED); }
      public List<Capability> capabilities() { return List.of(); }
    };
  }

  static RewriteRule rule(String id, int priority, BiFunction<RewriteRule, ResourceView, RewriteResult> body) {
    return new RewriteRule() {
      public String id() { return id; }
      public String description() { return id; }
      public int priority() { return priority; }
      public ResourceSelector appliesTo() { return ResourceSelector.kinds("ConfigMap"); }
      public RewriteResult apply(ResourceView r, RewriteContext c) { return body.apply(this, r); }
    };
  }

  static ResourceView configMap(String json) throws Exception {
    return ResourceView.of((ObjectNode) JSON.readTree(json.replace('\'', '"')), "test.yaml#0");
  }

  static RewriteEngine engine(RewriteRule... rules) {
    return new RewriteEngine(List.of(rules), new SimpleRewriteContext(profile("a"), profile("b"), Mappings.none(), IndexedInventory.of(List.of())));
  }

  private static final String CM = "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'n','annotations':{'x':'1','y':'2'}},'data':{'k':'v'}}";

  @Test
  @DisplayName("runs rules by priority, then id, and every rule sees the object as read")
  void orderAndIsolation() throws Exception {
    List<String> seen = new ArrayList<>();
    RewriteRule late = rule("b/late", 200, (r, v) -> {
      seen.add(r.id() + ":" + v.annotations());
      return RewriteResult.builder(r, v).patch(PatchOp.remove(JsonPointer.of("metadata", "annotations", "y"))).build();
    });
    RewriteRule early = rule("z/early", 100, (r, v) -> {
      seen.add(r.id() + ":" + v.annotations());
      return RewriteResult.builder(r, v).patch(PatchOp.remove(JsonPointer.of("metadata", "annotations", "x"))).build();
    });
    RewriteRule sameLevel = rule("a/same", 200, (r, v) -> {
      seen.add(r.id() + ":" + v.annotations());
      return RewriteResult.unchanged();
    });
    ObjectOutcome outcome = engine(late, early, sameLevel).rewrite(configMap(CM));
    assertThat(seen).containsExactly("z/early:{x=1, y=2}", "a/same:{x=1, y=2}", "b/late:{x=1, y=2}");
    assertThat(outcome.status()).isEqualTo(ObjectOutcome.Status.CONVERTED);
    assertThat(outcome.result().path("metadata").has("annotations")).as("emptied annotations are pruned").isFalse();
    assertThat(outcome.changes()).extracting(AppliedChange::ruleId).containsExactly("z/early", "b/late");
  }

  @Test
  @DisplayName("takes an operation two rules agree on once, without a conflict")
  void duplicatesAreNotConflicts() throws Exception {
    BiFunction<RewriteRule, ResourceView, RewriteResult> body =
        (r, v) -> RewriteResult.builder(r, v).patch(PatchOp.remove(JsonPointer.of("metadata", "annotations", "x"))).build();
    ObjectOutcome outcome = engine(rule("a/one", 500, body), rule("a/two", 500, body)).rewrite(configMap(CM));
    assertThat(outcome.changes()).hasSize(1);
    assertThat(outcome.findings()).isEmpty();
  }

  @Test
  @DisplayName("discards the whole patch of a later rule that touches a path an earlier rule changed, and says so")
  void conflictsBecomeFindings() throws Exception {
    RewriteRule first = rule("a/first", 500, (r, v) -> RewriteResult.builder(r, v)
        .patch(PatchOp.remove(JsonPointer.of("metadata", "annotations"))).build());
    RewriteRule second = rule("a/second", 500, (r, v) -> RewriteResult.builder(r, v)
        .patch(PatchOp.replace(JsonPointer.of("data", "k"), "w"))
        .patch(PatchOp.replace(JsonPointer.of("metadata", "annotations", "x"), "9")).build());
    ObjectOutcome outcome = engine(first, second).rewrite(configMap(CM));
    assertThat(outcome.result().path("data").path("k").asText()).as("second's other change is not applied either").isEqualTo("v");
    assertThat(outcome.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("a/second", "a/first", "/metadata/annotations/x");
    });
  }

  @Test
  @DisplayName("lets a user rule win an overlap: the earlier rule's overlapping operations are not applied, its others are, and the override is reported")
  void userRulesWinOverlaps() throws Exception {
    RewriteRule pack = rule("a/pack", RewriteRule.PRIORITY_PROVIDER, (r, v) -> RewriteResult.builder(r, v)
        .patch(PatchOp.remove(JsonPointer.of("metadata", "annotations")))
        .patch(PatchOp.replace(JsonPointer.of("data", "k"), "pack")).build());
    RewriteRule user = rule("user/mine", RewriteRule.PRIORITY_USER, (r, v) -> RewriteResult.builder(r, v)
        .patch(PatchOp.replace(JsonPointer.of("metadata", "annotations", "x"), "9")).build());
    ObjectOutcome outcome = engine(pack, user).rewrite(configMap(CM));
    assertThat(outcome.result().at("/metadata/annotations/x").asText()).isEqualTo("9");
    assertThat(outcome.result().at("/metadata/annotations/y").asText()).isEqualTo("2");
    assertThat(outcome.result().at("/data/k").asText()).as("the pack's other change stays").isEqualTo("pack");
    assertThat(outcome.changes()).extracting(AppliedChange::ruleId).containsExactly("a/pack", "user/mine");
    assertThat(outcome.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.ruleId()).isEqualTo(RewriteEngine.ENGINE_ID);
      assertThat(f.message()).isEqualTo("user rule user/mine overrides rule a/pack: a/pack's remove /metadata/annotations not applied");
    });
  }

  @Test
  @DisplayName("drops an object when any rule drops it, with every reason, and applies no patch")
  void drop() throws Exception {
    RewriteRule dropper = rule("a/drop", 500, (r, v) -> RewriteResult.builder(r, v).drop("not wanted").build());
    RewriteRule patcher = rule("a/patch", 400, (r, v) -> RewriteResult.builder(r, v)
        .patch(PatchOp.replace(JsonPointer.of("data", "k"), "w")).build());
    ObjectOutcome outcome = engine(dropper, patcher).rewrite(configMap(CM));
    assertThat(outcome.status()).isEqualTo(ObjectOutcome.Status.DROPPED);
    assertThat(outcome.dropReasons()).containsExactly("not wanted");
    assertThat(outcome.result()).isNull();
  }

  @Test
  @DisplayName("turns a rule that throws into a failed object with an error naming the rule")
  void throwingRule() throws Exception {
    RewriteRule broken = rule("a/broken", 500, (r, v) -> { throw new IllegalStateException("boom"); });
    ObjectOutcome outcome = engine(broken).rewrite(configMap(CM));
    assertThat(outcome.status()).isEqualTo(ObjectOutcome.Status.FAILED);
    assertThat(outcome.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.ruleId()).isEqualTo("a/broken");
      assertThat(f.message()).contains("boom");
    });
  }

  @Test
  @DisplayName("turns a patch that does not fit the object into a failed object, not a crash")
  void patchThatDoesNotFit() throws Exception {
    RewriteRule wrong = rule("a/wrong", 500, (r, v) -> RewriteResult.builder(r, v)
        .patch(PatchOp.remove(JsonPointer.of("spec", "missing"))).build());
    ObjectOutcome outcome = engine(wrong).rewrite(configMap(CM));
    assertThat(outcome.status()).isEqualTo(ObjectOutcome.Status.FAILED);
    assertThat(outcome.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("/spec/missing"));
  }

  @Test
  @DisplayName("leaves out rules that say they are not relevant to the provider pair")
  void relevance() {
    RewriteRule irrelevant = new RewriteRule() {
      public String id() { return "a/irrelevant"; }
      public String description() { return ""; }
      public ResourceSelector appliesTo() { return ResourceSelector.all(); }
      public boolean relevantFor(ProviderProfile s, ProviderProfile t) { return false; }
      public RewriteResult apply(ResourceView r, RewriteContext c) { throw new AssertionError(); }
    };
    assertThat(engine(irrelevant).rules()).isEmpty();
  }

  @Test
  @DisplayName("gives the same outcome for the same input")
  void deterministic() throws Exception {
    RewriteRule r1 = rule("a/r1", 500, (r, v) -> RewriteResult.builder(r, v)
        .patch(PatchOp.add(JsonPointer.of("metadata", "labels"), JSON.createObjectNode().put("moved-by", "umzug")))
        .warning("w", "fix").build());
    RewriteEngine engine = engine(r1);
    assertThat(engine.rewrite(configMap(CM))).isEqualTo(engine.rewrite(configMap(CM)));
  }
}
