package dev.umzug.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.umzug.engine.error.PlanInvalidException;
import dev.umzug.engine.plan.RuleAction.JsonPatchAction;
import dev.umzug.engine.plan.RuleAction.MergePatchAction;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Rules in a plan")
class PlanRulesTest {

  /** Lines 1 to 7; rules start on line 8. */
  private static final String HEADER =
      String.join("\n",
          "apiVersion: umzug.dev/v1alpha1",
          "kind: MigrationPlan",
          "metadata: {name: t}",
          "spec:",
          "  source: {provider: a, manifests: {path: .}}",
          "  target: {provider: b, output: {path: out}}",
          "  rules:",
          "");

  private static final String BARE =
      String.join("\n",
          "version: v1",
          "resourceModifierRules:",
          "- conditions:",
          "    groupResource: persistentvolumeclaims",
          "    resourceNameRegex: \"^mysql.*$\"",
          "    namespaces: [bar, foo]",
          "    labelSelector: {matchLabels: {foo: bar}}",
          "    matches: [{path: \"/spec/storageClassName\", value: \"premium\"}]",
          "  patches:",
          "  - {operation: test, path: \"/spec/storageClassName\", value: \"premium\"}",
          "  - {operation: replace, path: \"/spec/replicas\", value: \"2\"}",
          "  - {operation: add, path: \"/metadata/labels/x\", value: \"\\\"true\\\"\"}",
          "- conditions: {groupResource: pods, namespaces: [ns1]}",
          "  mergePatches:",
          "  - patchData: '{\"metadata\":{\"annotations\":{\"foo\":null}}}'",
          "");

  @TempDir Path dir;

  static Stream<Arguments> invalidRules() {
    return Stream.of(
        Arguments.of("a regex that does not compile is named at its line and column",
            "    - name: r\n      match: {name: 'web-('}\n      actions: [{drop: x}]\n",
            "9:21: spec.rules[0].match.name: not a valid regular expression: Unclosed group"),
        Arguments.of("a JSON patch path that is no pointer is refused",
            "    - name: r\n      actions:\n        - jsonPatch: [{op: remove, path: spec/replicas}]\n",
            "10:42: spec.rules[0].actions[0].jsonPatch[0].path: 'spec/replicas' is not a JSON pointer"),
        Arguments.of("an unknown patch operation is refused by the schema",
            "    - name: r\n      actions:\n        - jsonPatch: [{op: delete, path: /a}]\n",
            "10:28: spec.rules[0].actions[0].jsonPatch[0].op: must be one of add, remove, replace, move, copy, test, found 'delete'"),
        Arguments.of("move without from is refused",
            "    - name: r\n      actions:\n        - jsonPatch: [{op: move, path: /a}]\n",
            "10:23: spec.rules[0].actions[0].jsonPatch[0]: move needs 'from'"),
        Arguments.of("a replacement naming a group the regex lacks is refused",
            "    - name: r\n      actions:\n        - replace: {path: /a/*/b, regex: '^x$', with: 'y$1'}\n",
            "10:55: spec.rules[0].actions[0].replace.with: refers to group $1 but the regex has no groups"),
        Arguments.of("an action must be exactly one kind",
            "    - name: r\n      actions:\n        - {drop: x, mergePatch: {a: 1}}\n",
            "10:11: spec.rules[0].actions[0]: give only one of jsonPatch, mergePatch, replace or drop, not mergePatch and drop"),
        Arguments.of("In without values is refused",
            "    - name: r\n      match: {labelSelector: {matchExpressions: [{key: a, operator: In}]}}\n      actions: [{drop: x}]\n",
            "9:50: spec.rules[0].match.labelSelector.matchExpressions[0]: operator In needs a non-empty values list"),
        Arguments.of("a resource with a character class is refused",
            "    - name: r\n      match: {resources: ['[ab]*.apps']}\n      actions: [{drop: x}]\n",
            "9:27: spec.rules[0].match.resources[0]: '[ab]*.apps' is not a resource"),
        Arguments.of("a missing Velero file is named at the reference",
            "    - veleroResourceModifiers: nope.yaml\n",
            "8:32: spec.rules[0].veleroResourceModifiers: Velero resource-modifier file not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRules")
  @DisplayName("invalid rules are refused at load time with file, line and column")
  void invalidRuleIsRefused(String sentence, String rules, String expected) throws IOException {
    Path file = Files.writeString(dir.resolve("plan.yaml"), HEADER + rules);

    PlanInvalidException e = catchThrowableOfType(PlanInvalidException.class, () -> PlanLoader.load(file));

    assertThat(e).as("no exception").isNotNull();
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(file + ":" + expected.substring(0, expected.indexOf(' ')))
        .contains(expected.substring(expected.indexOf(' ') + 1)));
  }

  @Test
  @DisplayName("a bare Velero file reads into the same model, with Velero's value rules")
  void bareVeleroFile() throws IOException {
    Path file = Files.writeString(dir.resolve("mods.yaml"), BARE);

    List<RuleSpec> rules = VeleroResourceModifiers.parse(file);

    assertThat(rules).extracting(RuleSpec::id).containsExactly("velero/mods-0", "velero/mods-1");
    RuleMatch match = rules.get(0).match();
    assertThat(match.resources()).containsExactly("persistentvolumeclaims");
    assertThat(match.namespaces()).containsExactly("bar", "foo");
    assertThat(match.clusterScopedIgnoresNamespaces()).isTrue();
    assertThat(match.name()).contains("^mysql.*$");
    assertThat(match.labelSelector().orElseThrow().matchLabels()).containsEntry("foo", "bar");
    assertThat(match.fields()).singleElement().satisfies(f -> assertThat(f.typed()).isTrue());
    JsonNodeFactory json = JsonNodeFactory.instance;
    assertThat(rules.get(0).actions()).containsExactly(new JsonPatchAction(List.of(
        PatchOp.test(JsonPointer.parse("/spec/storageClassName"), json.textNode("premium")),
        PatchOp.replace(JsonPointer.parse("/spec/replicas"), json.numberNode(2)),
        PatchOp.add(JsonPointer.parse("/metadata/labels/x"), json.textNode("true")))));
    assertThat(rules.get(1).actions()).singleElement().isInstanceOfSatisfying(MergePatchAction.class,
        m -> assertThat(m.patch().at("/metadata/annotations/foo").isNull()).isTrue());
  }

  @Test
  @DisplayName("a ConfigMap holding the Velero file reads into the same rules as the bare file")
  void configMapVeleroFile() throws IOException {
    Path bare = Files.writeString(dir.resolve("mods.yaml"), BARE);
    String indented = "    " + BARE.strip().replace("\n", "\n    ") + "\n";
    Path cm = Files.writeString(dir.resolve("mods-cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m, namespace: velero}\ndata:\n  mods.yaml: |\n" + indented);

    List<RuleSpec> fromCm = VeleroResourceModifiers.parse(cm);

    assertThat(fromCm).extracting(RuleSpec::match).isEqualTo(VeleroResourceModifiers.parse(bare).stream().map(RuleSpec::match).toList());
    assertThat(fromCm).extracting(RuleSpec::actions).isEqualTo(VeleroResourceModifiers.parse(bare).stream().map(RuleSpec::actions).toList());
  }

  @Test
  @DisplayName("an unsupported Velero field is an error naming the field at its line in the ConfigMap")
  void unsupportedVeleroField() throws IOException {
    Path cm = Files.writeString(dir.resolve("mods-cm.yaml"), String.join("\n",
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata: {name: m}",
        "data:",
        "  mods.yaml: |",
        "    version: v1",
        "    resourceModifierRules:",
        "    - conditions: {groupKind: pods}",
        "      patches: [{operation: remove, path: /a}]",
        "      mergePatches: [{patchData: '{}'}]",
        ""));

    PlanInvalidException e = catchThrowableOfType(PlanInvalidException.class, () -> VeleroResourceModifiers.parse(cm));

    assertThat(e.problems()).contains(
        cm + ":8:7: resourceModifierRules[0]: a rule may use only one of patches, mergePatches or strategicPatches, not patches and mergePatches",
        cm + ":8:20: resourceModifierRules[0].conditions.groupKind: unsupported field 'groupKind'; Velero renamed it groupResource");
  }

  @Test
  @DisplayName("an unsupported version of the Velero format is refused")
  void unsupportedVersion() throws IOException {
    Path file = Files.writeString(dir.resolve("mods.yaml"), BARE.replace("version: v1", "version: v2"));

    PlanInvalidException e = catchThrowableOfType(PlanInvalidException.class, () -> VeleroResourceModifiers.parse(file));

    assertThat(e.problems()).containsExactly(file + ":1:10: version: unsupported version 'v2'; the only version is v1");
  }

  @Test
  @DisplayName("a plan expands a referenced Velero file in place, in plan order")
  void planExpandsVeleroFile() throws IOException {
    Files.writeString(dir.resolve("mods.yaml"), BARE);
    Path file = Files.writeString(dir.resolve("plan.yaml"), HEADER
        + "    - name: first\n      actions: [{drop: x}]\n"
        + "    - veleroResourceModifiers: mods.yaml\n"
        + "    - name: last\n      actions: [{drop: y}]\n");

    MigrationPlan plan = PlanLoader.load(file);

    assertThat(plan.rules()).extracting(RuleSpec::id)
        .containsExactly("user/first", "velero/mods-0", "velero/mods-1", "user/last");
    assertThat(PlanLoader.load(file)).isEqualTo(plan);
  }
}
