package dev.umzug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("umzug plan")
class PlanCommandTest {

  @TempDir Path tmp;

  @Test
  @DisplayName("plans the example: what would be converted and dropped, writing nothing")
  void plansTheExample() {
    CliRun run = CliRun.of("plan", "-f", ConvertCommandTest.EXAMPLE_PLAN.toString(), "-q");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("nothing is written", "converted", "dropped");
  }

  @Test
  @DisplayName("an invalid plan exits 3 with file, line and column on stderr")
  void invalidPlan() throws IOException {
    Path plan = tmp.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: broken
        spec:
          source:
            provider: aws-eks
            manifests: {path: app}
          target:
            provider: ionos
            output: {path: out}
          conflictPolicy: sometimes
        """);
    CliRun run = CliRun.of("plan", "-f", plan.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("plan.yaml:12:", "conflictPolicy");
  }

  @Test
  @DisplayName("a plan naming an unknown provider is a usage error")
  void unknownProvider() throws IOException {
    Path plan = tmp.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: unknown
        spec:
          source:
            provider: aws-eks
            manifests: {path: app}
          target:
            provider: mars-cloud
            output: {path: out}
        """);
    CliRun run = CliRun.of("plan", plan.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown provider 'mars-cloud'");
  }

  @Test
  @DisplayName("blocking findings exit 3")
  void blockers() throws IOException {
    Path app = tmp.resolve("app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("bucket.yaml"), """
        apiVersion: s3.services.k8s.aws/v1alpha1
        kind: Bucket
        metadata: {name: uploads, namespace: shop}
        spec: {name: shop-uploads}
        """);
    Path plan = tmp.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: blocked
        spec:
          source:
            provider: aws-eks
            manifests: {path: app}
          target:
            provider: ionos
            output: {path: out}
        """);
    CliRun run = CliRun.of("plan", "-f", plan.toString(), "-q");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).contains("blocker");
  }

  @Test
  @DisplayName("the plan's own rules run after the packs, and their changes are in the report")
  void userRulesRun() throws IOException {
    Path app = tmp.resolve("app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("web.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 6
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "old.registry.example/web:1"}]
        """);
    Path plan = tmp.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: drill
        spec:
          source:
            provider: aws-eks
            manifests: {path: app}
          target:
            provider: ionos
            output: {path: out}
          rules:
            - name: one-replica
              match: {resources: [deployments.apps]}
              actions:
                - jsonPatch: [{op: replace, path: /spec/replicas, value: 1}]
                - replace: {path: /spec/template/spec/containers/*/image, regex: '^old\\.registry\\.example/(.*)$', with: 'registry.example.eu/$1'}
        """);
    Path out = tmp.resolve("converted");
    CliRun run = CliRun.of("convert", "--plan", plan.toString(), "--out", out.toString(), "-q", "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"rule\" : \"user/one-replica\"");
    String web = Files.readString(out.resolve("namespaces/shop/deployment.apps_web.yaml"));
    assertThat(web).contains("replicas: 1", "image: registry.example.eu/web:1");
  }
}
