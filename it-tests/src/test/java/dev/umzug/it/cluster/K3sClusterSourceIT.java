package dev.umzug.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.source.cluster.ClusterObjectSource;
import dev.umzug.engine.source.cluster.ClusterSourceOptions;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.SourceItem;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/** What the test cluster only emulates, against a real API server. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("Reading a real k3s cluster")
class K3sClusterSourceIT {

  @Container
  static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.32.3-k3s1"));

  @TempDir Path tmp;

  @Test
  @DisplayName("a namespace is read with real discovery and pagination, without problems, objects in name order")
  void readsNamespace() throws Exception {
    String kubeconfig = K3S.getKubeConfigYaml();
    try (KubernetesClient kube =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
      kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop")
          .endMetadata().build()).create();
      for (String name : List.of("c", "a", "b")) {
        kube.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
            .withName(name).endMetadata().withData(Map.of("k", "v")).build()).create();
      }
    }
    Path file = tmp.resolve("kubeconfig");
    Files.writeString(file, kubeconfig);
    List<SourceItem> items = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();

    new ClusterObjectSource(new ClusterAccess(Optional.of(file), "default"),
        ClusterSourceOptions.of(List.of("shop")).withPageSize(1))
        .read(items::add, problems::add);

    assertThat(problems).isEmpty();
    assertThat(items).extracting(SourceItem::location)
        .containsSubsequence("cluster:default/shop/configmaps/a", "cluster:default/shop/configmaps/b",
            "cluster:default/shop/configmaps/c");
  }
}
