package dev.umzug.engine.rewrite.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.inventory.IndexedInventory;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.rewrite.RewriteEngine;
import dev.umzug.engine.rewrite.SimpleRewriteContext;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.testing.RewriteCase;
import dev.umzug.engine.testing.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A user rule")
class UserRuleTest {

  private static final String HEADER =
      String.join("\n",
          "apiVersion: umzug.dev/v1alpha1",
          "kind: MigrationPlan",
          "metadata: {name: t}",
          "spec:",
          "  source: {provider: test-source, manifests: {path: .}}",
          "  target: {provider: test-target, output: {path: out}}",
          "  rules:",
          "");

  private static final String OBJECTS =
      String.join("\n",
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata: {name: web-1, namespace: shop, labels: {tier: web, env: prod}}",
          "spec: {replicas: 3}",
          "---",
          "apiVersion: v1",
          "kind: ConfigMap",
          "metadata: {name: settings, namespace: ops, labels: {tier: db}}",
          "data: {mode: fast}",
          "---",
          "apiVersion: cert-manager.io/v1",
          "kind: Certificate",
          "metadata: {name: web-tls, namespace: shop}",
          "spec: {secretName: web-tls}",
          "---",
          "apiVersion: acme.example.com/v1",
          "kind: Policy",
          "metadata: {name: p, namespace: shop}",
          "---",
          "apiVersion: storage.k8s.io/v1",
          "kind: StorageClass",
          "metadata: {name: gp3}",
          "");

  @TempDir Path dir;

  static Stream<Arguments> matches() {
    return Stream.of(
        Arguments.of("a group-resource names one resource", "{resources: [deployments.apps]}", List.of("web-1")),
        Arguments.of("a core resource has no group suffix", "{resources: [configmaps]}", List.of("settings")),
        Arguments.of("*.group matches every resource of the group", "{resources: ['*.cert-manager.io']}", List.of("web-tls")),
        Arguments.of("* alone matches only the core group", "{resources: ['*']}", List.of("settings")),
        Arguments.of("** matches every resource", "{resources: ['**']}", List.of("web-1", "settings", "web-tls", "p", "gp3")),
        Arguments.of("a CRD kind without a table entry gets the guessed plural", "{resources: [policies.acme.example.com]}", List.of("p")),
        Arguments.of("a Kind matches that kind in any group", "{resources: [Deployment, StorageClass]}", List.of("web-1", "gp3")),
        Arguments.of("a Kind.group matches the kind of that group", "{resources: [Certificate.cert-manager.io]}", List.of("web-tls")),
        Arguments.of("namespaces restrict to those namespaces and leave cluster-scoped objects out", "{namespaces: [shop]}", List.of("web-1", "web-tls", "p")),
        Arguments.of("namespace globs work", "{namespaces: ['o*']}", List.of("settings")),
        Arguments.of("the name is a regex searched in the name", "{name: '^web-'}", List.of("web-1", "web-tls")),
        Arguments.of("matchLabels must all be present", "{labelSelector: {matchLabels: {tier: web, env: prod}}}", List.of("web-1")),
        Arguments.of("In selects listed values", "{labelSelector: {matchExpressions: [{key: tier, operator: In, values: [db]}]}}", List.of("settings")),
        Arguments.of("NotIn also selects objects without the label", "{labelSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [web]}]}}", List.of("settings", "web-tls", "p", "gp3")),
        Arguments.of("Exists selects objects with the label", "{labelSelector: {matchExpressions: [{key: env, operator: Exists}]}}", List.of("web-1")),
        Arguments.of("DoesNotExist selects objects without the label", "{resources: ['**'], labelSelector: {matchExpressions: [{key: tier, operator: DoesNotExist}]}}", List.of("web-tls", "p", "gp3")),
        Arguments.of("a field value compares by text, so 3 equals \"3\"", "{fields: [{path: /spec/replicas, value: '3'}]}", List.of("web-1")),
        Arguments.of("a field regex is searched in the scalar", "{fields: [{path: /data/mode, matches: '^f'}]}", List.of("settings")),
        Arguments.of("every condition must hold", "{resources: ['**'], namespaces: [shop], name: tls}", List.of("web-tls")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matches")
  @DisplayName("matches by each condition")
  void matchesByCondition(String sentence, String match, List<String> expected) throws IOException {
    List<ObjectOutcome> outcomes = run("    - name: r\n      match: " + match + "\n      actions: [{drop: matched}]\n");

    assertThat(outcomes.stream().filter(o -> o.status() == ObjectOutcome.Status.DROPPED).map(o -> o.ref().name()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("a CRD in the source gives the plural of its kind")
  void crdPluralFromInventory() throws IOException {
    String crd = "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: policies.acme.example.com}\n"
        + "spec: {group: acme.example.com, names: {kind: Policy, plural: policen}}\n";
    List<ObjectOutcome> outcomes = run("    - name: r\n      match: {resources: [policen.acme.example.com]}\n      actions: [{drop: x}]\n", OBJECTS + crd);

    assertThat(outcomes.stream().filter(o -> o.status() == ObjectOutcome.Status.DROPPED).map(o -> o.ref().name()))
        .containsExactly("p");
  }

  @Test
  @DisplayName("a failing test operation means the rule does not apply, reported as info, and the object is converted")
  void failingTestSkipsTheRule() throws IOException {
    List<ObjectOutcome> outcomes = run("    - name: r\n      match: {resources: [Deployment]}\n      actions:\n"
        + "        - jsonPatch: [{op: test, path: /spec/replicas, value: 5}, {op: replace, path: /spec/replicas, value: 1}]\n");

    ObjectOutcome web = outcomes.get(0);
    assertThat(web.status()).isEqualTo(ObjectOutcome.Status.CONVERTED);
    assertThat(web.result().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(web.findings()).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.ruleId()).isEqualTo("user/r");
      assertThat(f.message()).contains("does not apply: test of /spec/replicas failed");
    });
  }

  @Test
  @DisplayName("an operation that does not fit the object is a warning, not a failed object")
  void missingPathIsAWarning() throws IOException {
    List<ObjectOutcome> outcomes = run("    - name: r\n      match: {resources: [ConfigMap]}\n      actions:\n"
        + "        - jsonPatch: [{op: replace, path: /spec/nothing, value: 1}]\n");

    ObjectOutcome settings = outcomes.get(1);
    assertThat(settings.status()).isEqualTo(ObjectOutcome.Status.CONVERTED);
    assertThat(settings.findings()).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("rule r does not apply");
    });
  }

  @Test
  @DisplayName("drop leaves the object out with the reason and the rule's name")
  void dropGivesTheReason() throws IOException {
    List<ObjectOutcome> outcomes = run("    - name: no-certs\n      match: {resources: ['*.cert-manager.io']}\n      actions: [{drop: issued again on the target}]\n");

    assertThat(outcomes.get(2).status()).isEqualTo(ObjectOutcome.Status.DROPPED);
    assertThat(outcomes.get(2).dropReasons()).containsExactly("issued again on the target (rule no-certs)");
  }

  @Test
  @DisplayName("rules keep plan order: priorities follow the plan, whatever the names")
  void planOrderIsKept() throws IOException {
    List<RewriteRule> rules = UserRules.from(plan("    - name: zz\n      actions: [{drop: a}]\n    - name: aa\n      actions: [{drop: b}]\n"));

    assertThat(rules).extracting(RewriteRule::id).containsExactly("user/zz", "user/aa");
    assertThat(rules.get(0).priority()).isEqualTo(RewriteRule.PRIORITY_USER);
    assertThat(rules.get(1).priority()).isEqualTo(RewriteRule.PRIORITY_USER + 1);
    assertThat(rules.stream().sorted(RewriteEngine.ORDER)).extracting(RewriteRule::id).containsExactly("user/zz", "user/aa");
  }

  @Test
  @DisplayName("a later user rule overrides an earlier one on the same path, and the override is reported")
  void laterUserRuleWins() throws IOException {
    List<ObjectOutcome> outcomes = run(
        "    - name: one\n      match: {resources: [Deployment]}\n      actions: [{mergePatch: {spec: {replicas: 1}}}]\n"
            + "    - name: two\n      match: {resources: [Deployment]}\n      actions: [{jsonPatch: [{op: replace, path: /spec/replicas, value: 2}]}]\n");

    assertThat(outcomes.get(0).result().at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(outcomes.get(0).findings()).anySatisfy(f ->
        assertThat(f.message()).contains("user rule user/two overrides rule user/one"));
  }

  @Test
  @DisplayName("a strategic merge patch with lists is applied as a merge patch and says so in a warning")
  void strategicPatchCaveat() throws IOException {
    Files.writeString(dir.resolve("mods.yaml"), String.join("\n",
        "version: v1",
        "resourceModifierRules:",
        "- conditions: {groupResource: deployments.apps}",
        "  strategicPatches:",
        "  - patchData: '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"x\"}]}}}}'",
        ""));
    List<ObjectOutcome> outcomes = run("    - veleroResourceModifiers: mods.yaml\n");

    assertThat(outcomes.get(0).result().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("x");
    assertThat(outcomes.get(0).findings()).anySatisfy(f -> {
      assertThat(f.ruleId()).isEqualTo("velero/mods-0");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("strategic merge patch applied as a JSON merge patch");
    });
  }

  @Test
  @DisplayName("rules never modify the object they read, and the same input gives the same patch")
  void pureAndDeterministic() throws IOException {
    List<RewriteRule> rules = UserRules.from(plan(
        "    - name: a\n      actions:\n        - mergePatch: {metadata: {labels: {tier: null, x: y}}}\n"
            + "        - replace: {path: /metadata/*, regex: '^(.*)$', with: '$1-new'}\n"
            + "        - jsonPatch: [{op: add, path: /metadata/annotations, value: {a: b}}]\n"));
    List<ResourceView> views = views(OBJECTS);
    RewriteContext context = context(views);
    for (ResourceView view : views) {
      ObjectNode before = ((ObjectNode) view.json()).deepCopy();
      RewriteResult first = rules.get(0).apply(view, context);
      RewriteResult second = rules.get(0).apply(view, context);

      assertThat(view.json()).isEqualTo(before);
      assertThat(first.patch().toString()).isEqualTo(second.patch().toString());
    }
  }

  private List<ObjectOutcome> run(String rules) throws IOException {
    return run(rules, OBJECTS);
  }

  private List<ObjectOutcome> run(String rules, String objects) throws IOException {
    List<ResourceView> views = views(objects);
    List<RewriteRule> all = new ArrayList<>(TestProfile.registry().rules().stream()
        .filter(r -> r.id().equals("clean/strip-status")).toList());
    all.addAll(UserRules.from(plan(rules)));
    RewriteEngine engine = new RewriteEngine(all, context(views));
    return views.stream().map(engine::rewrite).toList();
  }

  private MigrationPlan plan(String rules) throws IOException {
    return PlanLoader.load(Files.writeString(dir.resolve("plan.yaml"), HEADER + rules));
  }

  private List<ResourceView> views(String objects) throws IOException {
    Path file = Files.writeString(dir.resolve("objects.yaml"), objects);
    List<ResourceView> views = new ArrayList<>();
    List<ObjectNode> docs = RewriteCase.docs(file);
    for (int i = 0; i < docs.size(); i++) {
      views.add(ResourceView.of(docs.get(i), "objects.yaml#" + i));
    }
    return views;
  }

  private static RewriteContext context(List<ResourceView> views) {
    return new SimpleRewriteContext(TestProfile.SOURCE, TestProfile.TARGET, Mappings.none(), IndexedInventory.of(views));
  }
}
