package dev.umzug.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.cli.Main;
import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.it.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's other sources, end to end through the command line: a live cluster and a Velero backup. */
class PlanSourcesIT {

  record Run(int code, String out, String err) {}

  static Run umzug(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @TempDir Path tmp;
  TestCluster cluster;
  String recipient;

  @BeforeEach
  void setUp() throws IOException {
    cluster = TestCluster.start();
    Run keys = umzug("keys", "generate", "--out", tmp.resolve("keys").toString(), "-o", "json");
    assertThat(keys.code()).as(keys.err()).isZero();
    recipient = new ObjectMapper().readTree(keys.out()).path("recipient").asText();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private Path plan(String source, String namespaces) throws IOException {
    Path plan = tmp.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: shop
        spec:
          source:
            provider: aws-eks
        %s
          target:
            provider: ionos
            output: {path: out}
        %s
          encryption:
            recipients: [%s]
          mappings:
            registries:
              123456789012.dkr.ecr.eu-central-1.amazonaws.com: shop.cr.de-fra.ionos.com
        """.formatted(source, namespaces, recipient));
    return plan;
  }

  @Test
  @DisplayName("a live cluster is planned, converted and snapshotted from the plan alone, and the snapshot verifies")
  void liveCluster() throws IOException {
    var kube = cluster.client();
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
    kube.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().addToData("mode", "prod").build()).create();
    kube.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata()
        .addToStringData("password", "hunter2-live").build()).create();
    kube.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata().withName("web")
        .endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("web").withImage("123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop/web:1")
        .endContainer().endSpec().endTemplate().endSpec().build()).create();
    ClusterAccess access = cluster.access(tmp, "source");
    Path plan = plan("""
            cluster:
              kubeconfig: %s
              context: source
        """.formatted(access.kubeconfig().orElseThrow()), """
          namespaces:
            - name: shop
        """);

    Run planned = umzug("plan", "-f", plan.toString(), "-q");
    assertThat(planned.code()).as(planned.err() + planned.out()).isZero();
    assertThat(planned.out()).contains("Deployment.apps shop/web", "ConfigMap shop/settings");

    Run converted = umzug("convert", "--plan", plan.toString(), "--out", tmp.resolve("out").toString(), "-q");
    assertThat(converted.code()).as(converted.err() + converted.out()).isZero();
    assertThat(Files.readString(tmp.resolve("out/namespaces/shop/deployment.apps_web.yaml")))
        .contains("image: shop.cr.de-fra.ionos.com/shop/web:1");

    Run snapshot = umzug("snapshot", "-f", plan.toString(), "--signing-key", tmp.resolve("keys/signing-key.pem").toString(),
        "--store", tmp.resolve("store").toString(), "--id", "live-1", "-o", "json");
    assertThat(snapshot.code()).as(snapshot.err() + snapshot.out()).isZero();
    JsonNode json = new ObjectMapper().readTree(snapshot.out());
    assertThat(json.path("encrypted").asLong()).isEqualTo(1);
    Run show = umzug("snapshots", "show", "live-1", "--store", tmp.resolve("store").toString(), "--verify",
        "--public-key", tmp.resolve("keys/signing-key.pub.pem").toString());
    assertThat(show.code()).as(show.err() + show.out()).isZero();
  }

  @Test
  @DisplayName("an unreachable cluster exits 4 with one line naming the cluster, not a stack trace")
  void unreachableCluster() throws IOException {
    ClusterAccess access = TestCluster.kubeconfig(tmp, "gone", "http://127.0.0.1:9");
    Path plan = plan("""
            cluster:
              kubeconfig: %s
              context: gone
        """.formatted(access.kubeconfig().orElseThrow()), """
          namespaces:
            - name: shop
        """);
    Run run = umzug("plan", "-f", plan.toString(), "-q");
    assertThat(run.code()).as(run.err()).isEqualTo(4);
    assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a Velero backup in a local copy of its bucket is planned and converted from the plan alone")
  void veleroBackup() throws IOException {
    Path bucket = tmp.resolve("bucket");
    Path dir = Files.createDirectories(bucket.resolve("backups/nightly"));
    Files.writeString(dir.resolve("velero-backup.json"), """
        {"apiVersion":"velero.io/v1","kind":"Backup","metadata":{"name":"nightly","namespace":"velero"},
         "spec":{"includedNamespaces":["shop"]},"status":{"phase":"Completed","formatVersion":"1.1.0","version":1}}
        """);
    Map<String, String> entries = Map.of(
        "resources/configmaps/namespaces/shop/settings.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\"},\"data\":{\"mode\":\"prod\"}}",
        "resources/persistentvolumeclaims/namespaces/shop/data.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"name\":\"data\",\"namespace\":\"shop\"},"
            + "\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"storageClassName\":\"gp3\",\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}");
    try (OutputStream file = Files.newOutputStream(dir.resolve("nightly.tar.gz"));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    Path plan = plan("""
            veleroBackup:
              bucket: bucket
              backup: nightly
        """, "");
    Run converted = umzug("convert", "--plan", plan.toString(), "--out", tmp.resolve("out").toString(), "-q");
    assertThat(converted.code()).as(converted.err() + converted.out()).isZero();
    assertThat(converted.out()).contains("velero");
    assertThat(Files.readString(tmp.resolve("out/namespaces/shop/persistentvolumeclaim_data.yaml")))
        .contains("storageClassName: ionos-enterprise-ssd");
    assertThat(Files.exists(bucket.resolve("backups/nightly/velero-backup.json"))).isTrue();
  }
}
