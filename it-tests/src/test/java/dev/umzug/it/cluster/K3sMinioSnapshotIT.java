package dev.umzug.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.snapshot.AgeIdentity;
import dev.umzug.engine.snapshot.KeyGenerator;
import dev.umzug.engine.snapshot.ManifestSigner;
import dev.umzug.engine.snapshot.ManifestVerifier;
import dev.umzug.engine.snapshot.SigningKeys;
import dev.umzug.engine.snapshot.SnapshotRun;
import dev.umzug.engine.snapshot.SnapshotVerifier;
import dev.umzug.engine.snapshot.SnapshotWriter;
import dev.umzug.engine.source.cluster.ClusterObjectSource;
import dev.umzug.engine.source.cluster.ClusterSourceOptions;
import dev.umzug.providers.s3.S3Credentials;
import dev.umzug.providers.s3.S3SnapshotStore;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/** The snapshot test against a real k3s and a real MinIO. Skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("A snapshot from a real k3s cluster into MinIO")
class K3sMinioSnapshotIT {

  @Container
  static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.32.3-k3s1"));

  @Container
  static final MinIOContainer MINIO = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");

  @TempDir Path tmp;

  @Test
  @DisplayName("every object of the namespace is stored, the Secret encrypted, and the snapshot verifies")
  void snapshotVerifies() throws Exception {
    String kubeconfig = K3S.getKubeConfigYaml();
    try (KubernetesClient kube = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
      kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
      kube.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
          .endMetadata().withData(Map.of("mode", "prod")).build()).create();
      kube.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata()
          .withStringData(Map.of("password", "hunter2-k3s")).build()).create();
    }
    Path file = tmp.resolve("kubeconfig");
    Files.writeString(file, kubeconfig);
    MinioClient.builder().endpoint(MINIO.getS3URL()).credentials(MINIO.getUserName(), MINIO.getPassword()).build()
        .makeBucket(MakeBucketArgs.builder().bucket("snapshots").build());
    var keys = KeyGenerator.generate(tmp.resolve("keys"), Instant.parse("2026-01-01T00:00:00Z"));
    var pair = SigningKeys.readPair(tmp.resolve("keys").resolve(KeyGenerator.SIGNING_KEY_FILE));

    try (S3SnapshotStore store = S3SnapshotStore.builder().endpoint(MINIO.getS3URL()).bucket("snapshots")
        .prefix("k3s").region("us-east-1").pathStyle(true).credentials(S3Credentials.fromEnvironment())
        .environment(Map.of("AWS_ACCESS_KEY_ID", MINIO.getUserName(), "AWS_SECRET_ACCESS_KEY", MINIO.getPassword()))
        .open()) {
      var writer = SnapshotWriter.begin(store, "k3s-1", new ManifestSigner(pair), Instant.parse("2026-01-01T00:00:00Z"));
      SnapshotRun.Result result = new SnapshotRun(store, Set.of("shop"), List.of(keys.recipient()))
          .run(new ClusterObjectSource(new ClusterAccess(Optional.of(file), "default"),
              ClusterSourceOptions.of(List.of("shop"))), writer, "k3s-1", f -> {});
      assertThat(result.objects()).isGreaterThanOrEqualTo(3);
      assertThat(result.manifest().encryptedCount()).isGreaterThanOrEqualTo(1);

      var verification = new SnapshotVerifier(store, new ManifestVerifier(pair.getPublic()),
          Optional.of(AgeIdentity.read(tmp.resolve("keys").resolve(KeyGenerator.IDENTITY_FILE)))).verify("k3s-1");
      assertThat(verification.problems()).isEmpty();
    }
  }
}
