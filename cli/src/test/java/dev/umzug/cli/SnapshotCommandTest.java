package dev.umzug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("umzug snapshot")
class SnapshotCommandTest {

  @TempDir Path tmp;
  Path keys;
  String recipient;

  @BeforeEach
  void keys() throws IOException {
    keys = tmp.resolve("keys");
    CliRun run = CliRun.of("keys", "generate", "--out", keys.toString(), "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    recipient = new ObjectMapper().readTree(run.out()).path("recipient").asText();
    assertThat(recipient).startsWith("age1");
  }

  private Path plan(String encryption) throws IOException {
    Path app = tmp.resolve("app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("objects.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        data: {mode: prod}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: shop}
        stringData: {password: hunter2-plain-text}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: elsewhere, namespace: other}
        data: {x: y}
        """);
    Path plan = tmp.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: shop
        spec:
          source:
            provider: aws-eks
            manifests: {path: app}
          target:
            provider: ionos
            output: {path: out}
          namespaces:
            - name: shop
        """ + encryption);
    return plan;
  }

  @Test
  @DisplayName("writes a signed snapshot of the plan's namespaces that verifies, with the Secret encrypted")
  void takesAVerifiableSnapshot() throws IOException {
    Path plan = plan("  encryption:\n    recipients: [" + recipient + "]\n");
    Path store = tmp.resolve("store");
    CliRun run = CliRun.of("snapshot", "-f", plan.toString(), "--signing-key", keys.resolve("signing-key.pem").toString(),
        "--store", store.toString(), "--id", "drill-1", "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("objects").asLong()).isEqualTo(2);
    assertThat(json.path("encrypted").asLong()).isEqualTo(1);
    try (Stream<Path> files = Files.walk(store)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
      }
    }
    CliRun show = CliRun.of("snapshots", "show", "drill-1", "--store", store.toString(), "--verify",
        "--public-key", keys.resolve("signing-key.pub.pem").toString());
    assertThat(show.exitCode()).as(show.toString()).isZero();
    assertThat(show.out()).contains("verified:    ok");
  }

  @Test
  @DisplayName("refuses a plan without age recipients, since Secrets are stored only encrypted")
  void needsRecipients() throws IOException {
    CliRun run = CliRun.of("snapshot", "-f", plan("").toString(), "--signing-key",
        keys.resolve("signing-key.pem").toString(), "--store", tmp.resolve("store").toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("spec.encryption.recipients");
    assertThat(tmp.resolve("store")).doesNotExist();
  }

  @Test
  @DisplayName("a store below a regular file is not writable: exit 4, and nothing looks like a snapshot")
  void storeNotWritable() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    CliRun run = CliRun.of("snapshot", "-f", plan("  encryption:\n    recipients: [" + recipient + "]\n").toString(),
        "--signing-key", keys.resolve("signing-key.pem").toString(), "--store", file.resolve("store").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a missing signing key is a usage error")
  void needsSigningKey() throws IOException {
    CliRun run = CliRun.of("snapshot", "-f", plan("  encryption:\n    recipients: [" + recipient + "]\n").toString(),
        "--signing-key", tmp.resolve("nope.pem").toString(), "--store", tmp.resolve("store").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
  }
}
