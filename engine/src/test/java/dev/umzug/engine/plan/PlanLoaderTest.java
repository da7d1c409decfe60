package dev.umzug.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.PlanInvalidException;
import dev.umzug.engine.spi.Mappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanLoaderTest {

  /** Lines 1 to 13; the cases below add to it or change it, so line numbers stay readable. */
  private static final String MINIMAL =
      String.join(
          "\n",
          "apiVersion: umzug.dev/v1alpha1",
          "kind: MigrationPlan",
          "metadata:",
          "  name: demo",
          "spec:",
          "  source:",
          "    provider: aws-eks",
          "    manifests:",
          "      path: app",
          "  target:",
          "    provider: ionos",
          "    output:",
          "      path: out",
          "");

  private static final String RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

  @TempDir Path dir;

  @Test
  @DisplayName("a minimal plan loads with every default filled in and paths resolved beside the plan")
  void minimalPlanGetsDefaults() throws IOException {
    Path file = write(MINIMAL);

    MigrationPlan plan = PlanLoader.load(file);

    Path base = dir.toAbsolutePath().normalize();
    assertThat(plan.file()).isEqualTo(base.resolve("plan.yaml"));
    assertThat(plan.name()).isEqualTo("demo");
    assertThat(plan.description()).isEmpty();
    assertThat(plan.sourceProvider()).isEqualTo("aws-eks");
    assertThat(plan.targetProvider()).isEqualTo("ionos");
    assertThat(plan.source().manifests()).contains(new ManifestsDir(base.resolve("app")));
    assertThat(plan.target().output()).contains(new OutputDir(base.resolve("out")));
    assertThat(plan.selectsAllNamespaces()).isTrue();
    assertThat(plan.selectsNamespace("anything")).isTrue();
    assertThat(plan.store()).isEqualTo(new LocalStore(base.resolve(".umzug/store")));
    assertThat(plan.encryption().enabled()).isFalse();
    assertThat(plan.volumeMover()).isEqualTo(MoverKind.NONE);
    assertThat(plan.mappings()).isEqualTo(Mappings.none());
    assertThat(plan.rules()).isEmpty();
    assertThat(plan.verification()).isEqualTo(VerificationSpec.defaults());
    assertThat(plan.conflictPolicy()).isEqualTo(ConflictPolicy.FAIL);
  }

  @Test
  @DisplayName("a plan using every field loads into the expected model")
  void fullPlanLoads() throws IOException {
    Path file =
        write(
            String.join(
                "\n",
                "apiVersion: umzug.dev/v1alpha1",
                "kind: MigrationPlan",
                "metadata:",
                "  name: dr-drill",
                "  description: quarterly drill",
                "spec:",
                "  source:",
                "    provider: aws-eks",
                "    cluster:",
                "      kubeconfig: kube/source.yaml",
                "      context: prod-frankfurt",
                "  target:",
                "    provider: ionos",
                "    cluster: {context: dr-berlin}",
                "  namespaces:",
                "    - name: shop",
                "      renameTo: shop-eu",
                "    - name: payments",
                "  store:",
                "    type: s3",
                "    endpoint: https://s3.eu-central-3.ionoscloud.com",
                "    bucket: umzug-drills",
                "    prefix: shop/",
                "    region: eu-central-3",
                "    pathStyle: true",
                "    credentials: {profile: ionos-drills}",
                "  encryption:",
                "    recipients: [" + RECIPIENT + "]",
                "  volumes: {mover: restic}",
                "  mappings:",
                "    storageClasses: {gp3: ionos-enterprise-ssd}",
                "    ingressClasses: {alb: traefik}",
                "    registries: {123456789012.dkr.ecr.eu-central-1.amazonaws.com: shop.cr.de-fra.ionos.com}",
                "    nodePools: {shop-general: general}",
                "    zones: {eu-central-1a: de-fra-1}",
                "  rules:",
                "    - name: drop-debug-sidecar",
                "      match: {resources: [deployments.apps]}",
                "      actions:",
                "        - jsonPatch: [{op: remove, path: /spec/template/spec/containers/1}]",
                "  verification:",
                "    checksums: false",
                "    report: reports/drill.md",
                "  conflictPolicy: update",
                ""));

    MigrationPlan plan = PlanLoader.load(file);

    Path base = dir.toAbsolutePath().normalize();
    assertThat(plan.description()).contains("quarterly drill");
    assertThat(plan.source())
        .isEqualTo(new SourceSpec("aws-eks",
            new ClusterAccess(Optional.of(base.resolve("kube/source.yaml")), "prod-frankfurt")));
    assertThat(plan.target()).isEqualTo(new TargetSpec("ionos", new ClusterAccess(Optional.empty(), "dr-berlin")));
    assertThat(plan.namespaces())
        .containsExactly(
            new NamespaceSpec("shop", Optional.of("shop-eu")),
            new NamespaceSpec("payments", Optional.empty()));
    assertThat(plan.selectsNamespace("payments")).isTrue();
    assertThat(plan.selectsNamespace("default")).isFalse();
    assertThat(plan.store())
        .isEqualTo(new S3Store(Optional.of("https://s3.eu-central-3.ionoscloud.com"), "umzug-drills",
            "shop/", Optional.of("eu-central-3"), true, S3Credentials.profile("ionos-drills")));
    assertThat(plan.encryption().recipients()).containsExactly(RECIPIENT);
    assertThat(plan.volumeMover()).isEqualTo(MoverKind.RESTIC);
    assertThat(plan.mappings())
        .isEqualTo(new Mappings(
            Map.of("gp3", "ionos-enterprise-ssd"),
            Map.of("alb", "traefik"),
            Map.of("123456789012.dkr.ecr.eu-central-1.amazonaws.com", "shop.cr.de-fra.ionos.com"),
            Map.of("shop-general", "general"),
            Map.of("eu-central-1a", "de-fra-1"),
            Map.of("shop", "shop-eu")));
    assertThat(plan.mappings().namespace("payments")).isEqualTo("payments");
    assertThat(plan.rules()).extracting(RuleSpec::name).containsExactly("drop-debug-sidecar");
    assertThat(plan.rules().get(0).id()).isEqualTo("user/drop-debug-sidecar");
    assertThat(plan.rules().get(0).actions())
        .containsExactly(new RuleAction.JsonPatchAction(List.of(
            dev.umzug.engine.spi.PatchOp.remove(dev.umzug.engine.spi.JsonPointer.parse("/spec/template/spec/containers/1")))));
    assertThat(plan.verification())
        .isEqualTo(new VerificationSpec(false, Optional.of(base.resolve("reports/drill.md"))));
    assertThat(plan.conflictPolicy()).isEqualTo(ConflictPolicy.UPDATE);
  }

  @Test
  @DisplayName("a Velero backup source and S3 keys from the environment load as written")
  void veleroSourceAndEnvironmentCredentials() throws IOException {
    Path file =
        write(MINIMAL.replace("    manifests:\n      path: app\n",
                "    veleroBackup: {bucket: velero-prod, backup: nightly-20260301}\n")
            + "  store: {type: s3, bucket: staging, credentials: {fromEnv: true}}\n");

    MigrationPlan plan = PlanLoader.load(file);

    assertThat(plan.source().veleroBackup())
        .contains(new VeleroBackupRef("velero-prod", "", "nightly-20260301", Optional.empty(), Optional.empty()));
    assertThat(((S3Store) plan.store()).credentials()).isEqualTo(S3Credentials.fromEnvironment());
    assertThat(((S3Store) plan.store()).pathStyle()).isFalse();
  }

  @Test
  @DisplayName("loading the same file twice gives equal plans")
  void loadingIsDeterministic() throws IOException {
    Path file = write(MINIMAL + "  rules:\n    - name: a\n      match: {resources: [Service], name: '^w'}\n      actions: [{mergePatch: {metadata: {labels: {a: b}}}}]\n");

    assertThat(PlanLoader.load(file)).isEqualTo(PlanLoader.load(file));
  }

  static Stream<Arguments> invalidPlans() {
    return Stream.of(
        Arguments.of("a YAML syntax error is reported where the parser stopped",
            MINIMAL.replace("      path: out", "      path: out: here"),
            List.of("13:16: YAML syntax error: mapping values are not allowed here")),
        Arguments.of("a key written twice is a syntax error",
            MINIMAL + "  target: {provider: ionos}\n",
            List.of("14:3: YAML syntax error: duplicate key 'target'")),
        Arguments.of("an unknown field is named at its key, with the field it was probably meant to be",
            MINIMAL + "  verification:\n    checksum: false\n",
            List.of("15:5: spec.verification.checksum: unknown field 'checksum'; did you mean 'checksums'?")),
        Arguments.of("an unknown field with no near match lists the known fields",
            MINIMAL + "  volumes:\n    engine: kopia\n",
            List.of("15:5: spec.volumes.engine: unknown field 'engine'; known fields: mover")),
        Arguments.of("a missing required field is reported at the object that lacks it",
            MINIMAL.replace("    provider: ionos\n", ""),
            List.of("10:3: spec.target.provider: is required")),
        Arguments.of("a value outside an enumeration lists the allowed values",
            MINIMAL + "  conflictPolicy: overwrite\n",
            List.of("14:19: spec.conflictPolicy: must be one of skip, update, fail, found 'overwrite'")),
        Arguments.of("a value of the wrong type says which type was expected",
            MINIMAL + "  verification:\n    checksums: \"yes\"\n",
            List.of("15:16: spec.verification.checksums: must be a boolean, found a string")),
        Arguments.of("giving both cluster and manifests is one error at the source",
            MINIMAL.replace("    manifests:", "    cluster: {context: prod}\n    manifests:"),
            List.of("6:3: spec.source: give only one of cluster, manifests or veleroBackup, not cluster and manifests")),
        Arguments.of("giving no source location is one error at the source",
            MINIMAL.replace("    manifests:\n      path: app\n", ""),
            List.of("6:3: spec.source: give one of cluster, manifests or veleroBackup")),
        Arguments.of("a secret key written into the store is refused with where keys belong instead",
            MINIMAL + "  store:\n    type: s3\n    bucket: staging\n    credentials:\n      secretAccessKey: abc\n",
            List.of("18:7: spec.store.credentials.secretAccessKey: secrets must not be written into a plan;"
                + " name where the keys come from with store.credentials.fromEnv or store.credentials.profile")),
        Arguments.of("S3 settings on a local store are refused",
            MINIMAL + "  store:\n    bucket: staging\n",
            List.of("15:5: spec.store.bucket: only allowed when type is s3")),
        Arguments.of("a local directory on an S3 store is refused",
            MINIMAL + "  store:\n    type: s3\n    bucket: staging\n    path: /var/umzug\n",
            List.of("17:5: spec.store.path: not allowed when type is s3")),
        Arguments.of("an S3 store needs a bucket",
            MINIMAL + "  store:\n    type: s3\n",
            List.of("14:3: spec.store.bucket: is required")),
        Arguments.of("a wrong apiVersion is the only error reported",
            MINIMAL.replace("umzug.dev/v1alpha1", "apps/v1").replace("  name: demo", "  name: demo\n  namespace: x"),
            List.of("1:13: apiVersion: must be umzug.dev/v1alpha1, found 'apps/v1'; is this a migration plan?")),
        Arguments.of("a wrong kind is reported at its value",
            MINIMAL.replace("kind: MigrationPlan", "kind: Deployment"),
            List.of("2:7: kind: must be MigrationPlan, found 'Deployment'; is this a migration plan?")),
        Arguments.of("a missing apiVersion is reported at the start of the file",
            MINIMAL.replace("apiVersion: umzug.dev/v1alpha1\n", ""),
            List.of("1:1: apiVersion: is required; a plan starts with apiVersion: umzug.dev/v1alpha1 and kind: MigrationPlan")),
        Arguments.of("an empty file is an error",
            "",
            List.of("1:1: the plan is empty; a plan starts with apiVersion: umzug.dev/v1alpha1 and kind: MigrationPlan")),
        Arguments.of("a file of comments only is empty too",
            "# nothing here yet\n",
            List.of("1:1: the plan is empty; a plan starts with apiVersion: umzug.dev/v1alpha1 and kind: MigrationPlan")),
        Arguments.of("a list is not a plan",
            "- apiVersion: umzug.dev/v1alpha1\n",
            List.of("1:1: a plan must be a YAML mapping (apiVersion: ..., kind: ..., spec: ...), found a list")),
        Arguments.of("a second YAML document is refused",
            MINIMAL + "---\nkind: Other\n",
            List.of("15:1: a plan file holds one YAML document; found a second one")),
        Arguments.of("an age recipient of the wrong shape says what shape is expected",
            MINIMAL + "  encryption:\n    recipients:\n      - age1xyz\n",
            List.of("16:9: spec.encryption.recipients[0]: must be an age X25519 recipient:"
                + " 'age1' followed by 58 lowercase bech32 characters (the output of age-keygen -y)")),
        Arguments.of("an age recipient with a typo fails its checksum",
            MINIMAL + "  encryption:\n    recipients:\n      - " + RECIPIENT.replace("ql3z", "ql3x") + "\n",
            List.of("16:9: spec.encryption.recipients[0]: not a valid age recipient: its bech32 checksum does not match (a typo?)")),
        Arguments.of("a namespace listed twice is reported at the second entry",
            MINIMAL + "  namespaces:\n    - name: shop\n    - name: shop\n",
            List.of("16:13: spec.namespaces[1].name: namespace 'shop' is listed twice")),
        Arguments.of("two namespaces renamed onto one are reported",
            MINIMAL + "  namespaces:\n    - name: shop\n    - name: legacy\n      renameTo: shop\n",
            List.of("16:7: spec.namespaces[1]: namespaces 'shop' and 'legacy' would both become 'shop'")),
        Arguments.of("a namespace that is not a DNS label is refused",
            MINIMAL + "  namespaces:\n    - name: Shop_EU\n",
            List.of("15:13: spec.namespaces[0].name: must be a DNS-1123 label: lowercase letters, digits"
                + " and '-', starting and ending with a letter or digit")),
        Arguments.of("a rule needs a name",
            MINIMAL + "  rules:\n    - match: {resources: [services]}\n      actions: [{drop: unused}]\n",
            List.of("15:7: spec.rules[0].name: is required")),
        Arguments.of("a registry mapping key with dots is quoted in the field name",
            MINIMAL + "  mappings:\n    registries:\n      gcr.io: 42\n",
            List.of("16:15: spec.mappings.registries[\"gcr.io\"]: must be a string, found an integer")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPlans")
  @DisplayName("an invalid plan is refused with one line per problem, naming file, line and column")
  void invalidPlanIsRefused(String name, String yaml, List<String> expected) throws IOException {
    Path file = write(yaml);

    PlanInvalidException e = catchThrowableOfType(() -> PlanLoader.load(file), PlanInvalidException.class);

    assertThat(e).as("a PlanInvalidException").isNotNull();
    assertThat(e.problems()).containsExactlyElementsOf(expected.stream().map(p -> file + ":" + p).toList());
  }

  @Test
  @DisplayName("several problems are all reported, sorted by line")
  void problemsAreSortedByLine() throws IOException {
    Path file =
        write(MINIMAL.replace("output:", "outputs:").replace("provider: aws-eks", "provider: AWS")
            + "  conflictPolicy: overwrite\n");

    PlanInvalidException e = catchThrowableOfType(() -> PlanLoader.load(file), PlanInvalidException.class);

    assertThat(e.problems())
        .containsExactly(
            file + ":7:15: spec.source.provider: must be a provider id: lowercase letters, digits and '-', e.g. aws-eks",
            file + ":12:5: spec.target.outputs: unknown field 'outputs'; did you mean 'output'?",
            file + ":14:19: spec.conflictPolicy: must be one of skip, update, fail, found 'overwrite'");
    assertThat(e.getMessage()).contains(file + ":7:15: spec.source.provider").contains("(and 2 more)");
  }

  @Test
  @DisplayName("a plan file that does not exist is invalid input, not an invalid plan")
  void missingFile() {
    assertThatThrownBy(() -> PlanLoader.load(dir.resolve("nope.yaml")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("plan file not found");
  }

  @Test
  @DisplayName("a rule's merge patch cannot be changed through the model")
  void ruleModelIsACopy() throws IOException {
    MigrationPlan plan = PlanLoader.load(write(MINIMAL + "  rules:\n    - name: a\n      actions: [{mergePatch: {x: 1}}]\n"));
    RuleAction.MergePatchAction merge = (RuleAction.MergePatchAction) plan.rules().get(0).actions().get(0);

    merge.patch().put("x", 2);

    assertThat(merge.patch().path("x").asInt()).isEqualTo(1);
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("plan.yaml"), yaml);
  }
}
