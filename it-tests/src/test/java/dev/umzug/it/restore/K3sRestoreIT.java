package dev.umzug.it.restore;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A disaster-recovery drill on a real API server: a namespace of a k3s cluster is snapshotted and
 * restored into a renamed namespace of the same cluster with server-side apply, verified, then
 * changed and verified again. Covers what the test cluster only emulates (server-side apply, dry
 * run, admission, defaults). Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("Restoring to a real k3s cluster")
class K3sRestoreIT {

  @Container
  static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.32.3-k3s1"));

  @TempDir Path tmp;

  @Test
  @DisplayName("a namespace restores into a renamed one with server-side apply and verifies; a changed field then fails verify")
  void drill() throws Exception {
    String kubeconfig = K3S.getKubeConfigYaml();
    Path file = tmp.resolve("kubeconfig");
    Files.writeString(file, kubeconfig);
    try (KubernetesClient kube = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
      SameClusterDrill.run(tmp, file, "default", kube);
    }
  }
}
