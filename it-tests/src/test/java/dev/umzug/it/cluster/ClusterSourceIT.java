package dev.umzug.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.error.ClusterAccessException;
import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.source.cluster.ClusterObjectSource;
import dev.umzug.engine.source.cluster.ClusterSourceOptions;
import dev.umzug.engine.source.cluster.NamespaceNotFoundException;
import dev.umzug.engine.source.cluster.VolumeInventory;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SourceItem;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reading a live cluster")
class ClusterSourceIT {

  private static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
      .withGroup("example.com").withVersion("v1").withKind("Widget").withPlural("widgets")
      .withNamespaced(true).build();

  @TempDir Path tmp;
  private TestCluster cluster;
  private KubernetesClient kube;

  @BeforeEach
  void start() {
    cluster = TestCluster.start();
    kube = cluster.client();
    namespace("shop");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Nested
  @DisplayName("When discovering types")
  class Discovery {

    @Test
    @DisplayName("built-in and custom namespaced types are read at their preferred version; subresources and types without list are not listed")
    void findsBuiltinAndCustomTypes() throws IOException {
      configMap("shop", "settings");
      deployment("shop", "web", null, null);
      widgetsCrd();
      kube.genericKubernetesResources(WIDGETS).inNamespace("shop").resource(widget("blue"))
          .create();

      Read read = read(options("shop"));

      assertThat(read.kinds()).contains("ConfigMap", "Deployment", "Widget");
      assertThat(read.problems).isEmpty();
      assertThat(cluster.listRequests())
          .anyMatch(r -> r.startsWith("/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers"))
          .noneMatch(r -> r.contains("/autoscaling/v1/"))
          .noneMatch(r -> r.contains("localsubjectaccessreviews") || r.contains("/bindings?")
              || r.contains("/log") || r.contains("/scale"))
          .noneMatch(r -> r.contains("/events"));
    }
  }

  @Nested
  @DisplayName("When a namespace holds more objects than one page")
  class Pagination {

    @Test
    @DisplayName("every object is read exactly once across the pages, in name order")
    void everyObjectOnce() throws IOException {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        configMap("shop", String.format("cm-%02d", i));
        expected.add(String.format("cm-%02d", i));
      }

      Read read = read(options("shop").withPageSize(5));

      assertThat(read.names("ConfigMap")).containsExactlyElementsOf(expected);
      assertThat(cluster.listRequests()).filteredOn(r -> r.contains("/configmaps"))
          .hasSize(5)
          .allMatch(r -> r.contains("limit=5"))
          .filteredOn(r -> r.contains("continue=")).hasSize(4);
    }

    @Test
    @DisplayName("a page after a create, an update or a delete shows the store as it is then, continuing after the last name returned")
    void pagesFollowWrites() {
      for (String name : List.of("a", "c", "e", "g")) {
        configMap("shop", name);
      }
      ConfigMapList first = kube.configMaps().inNamespace("shop")
          .list(new ListOptionsBuilder().withLimit(2L).build());
      assertThat(first.getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("a", "c");

      configMap("shop", "b");
      configMap("shop", "d");
      kube.configMaps().inNamespace("shop").withName("e").delete();
      kube.configMaps().inNamespace("shop").withName("g").edit(c -> new ConfigMapBuilder(c)
          .addToData("edited", "yes").build());
      ConfigMapList rest = kube.configMaps().inNamespace("shop").list(new ListOptionsBuilder()
          .withLimit(10L).withContinue(first.getMetadata().getContinue()).build());

      assertThat(rest.getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("d", "g");
      assertThat(rest.getItems().get(1).getData()).containsEntry("edited", "yes");
      assertThat(rest.getMetadata().getContinue()).isNullOrEmpty();
      assertThat(Long.parseLong(rest.getMetadata().getResourceVersion()))
          .isGreaterThan(Long.parseLong(first.getMetadata().getResourceVersion()));
    }

    @Test
    @DisplayName("objects loaded at once are stored as created ones are, and a taken name or a missing namespace loads nothing")
    void loadIsCreate() {
      configMap("shop", "posted");
      ConfigMap loaded = new ConfigMapBuilder().withNewMetadata().withName("loaded")
          .withNamespace("shop").addToLabels("app", "x").endMetadata().withData(Map.of("k", "v")).build();

      cluster.load(List.of(loaded));

      ConfigMap posted = kube.configMaps().inNamespace("shop").withName("posted").get();
      ConfigMap stored = kube.configMaps().inNamespace("shop").withName("loaded").get();
      assertThat(stored.getData()).isEqualTo(Map.of("k", "v"));
      assertThat(stored.getMetadata().getUid()).isNotEmpty().isNotEqualTo(posted.getMetadata().getUid());
      assertThat(Long.parseLong(stored.getMetadata().getResourceVersion()))
          .isGreaterThan(Long.parseLong(posted.getMetadata().getResourceVersion()));
      assertThat(stored.getMetadata().getCreationTimestamp()).isNotEmpty();
      assertThat(kube.configMaps().inNamespace("shop").withLabel("app", "x").list().getItems())
          .extracting(c -> c.getMetadata().getName()).containsExactly("loaded");

      ConfigMap fresh = new ConfigMapBuilder(loaded).editMetadata().withName("fresh").endMetadata().build();
      assertThatThrownBy(() -> cluster.load(List.of(fresh, loaded)))
          .hasMessage("ConfigMap shop/loaded already exists");
      ConfigMap elsewhere = new ConfigMapBuilder(loaded).editMetadata().withNamespace("nope").endMetadata().build();
      assertThatThrownBy(() -> cluster.load(List.of(fresh, elsewhere)))
          .hasMessage("namespaces \"nope\" not found");
      assertThat(kube.configMaps().inNamespace("shop").withName("fresh").get()).isNull();
    }

    @Test
    @DisplayName("no more lists are in flight at once than the parallelism allows, and more than one is")
    void boundedParallelism() throws IOException {
      cluster.latency(Duration.ofMillis(150));

      read(options("shop").withParallelism(3));

      assertThat(cluster.peakListConcurrency()).isBetween(2, 3);
    }

    @Test
    @DisplayName("two reads give the same objects in the same order: type, namespace, then name")
    void deterministicOrder() throws IOException {
      namespace("admin");
      for (String ns : List.of("shop", "admin")) {
        for (String name : List.of("zeta", "alpha", "mid")) {
          configMap(ns, name);
          secret(ns, name);
        }
      }
      deployment("shop", "web", null, null);
      cluster.latency(Duration.ofMillis(5));
      ClusterSourceOptions options = options("shop", "admin").withPageSize(2).withParallelism(4);

      List<String> first = read(options).locations();
      List<String> second = read(options).locations();

      assertThat(second).isEqualTo(first);
      assertThat(first).containsSubsequence(
          "cluster:source/namespaces/admin", "cluster:source/namespaces/shop",
          "cluster:source/admin/configmaps/alpha", "cluster:source/admin/configmaps/mid",
          "cluster:source/admin/configmaps/zeta", "cluster:source/shop/configmaps/alpha",
          "cluster:source/admin/secrets/alpha", "cluster:source/shop/secrets/zeta",
          "cluster:source/shop/deployments.apps/web");
    }
  }

  @Nested
  @DisplayName("When a type or a namespace cannot be read")
  class Problems {

    @Test
    @DisplayName("a forbidden type is skipped with a warning that names it and the HTTP code, and the rest is read")
    void forbiddenTypeSkipped() throws IOException {
      configMap("shop", "settings");
      secret("shop", "password");
      cluster.forbid("secrets");

      Read read = read(options("shop"));

      assertThat(read.kinds()).contains("ConfigMap").doesNotContain("Secret");
      assertThat(read.problems).singleElement().satisfies(f -> {
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.ruleId()).isEqualTo(ClusterObjectSource.RULE_ID);
        assertThat(f.message()).isEqualTo(
            "cannot list secrets in namespace shop (HTTP 403): its objects are not read");
      });
    }

    @Test
    @DisplayName("a namespace that does not exist is its own error, not an empty read")
    void missingNamespace() {
      assertThatThrownBy(() -> read(options("shop", "nope")))
          .isInstanceOf(NamespaceNotFoundException.class)
          .hasMessage("namespace 'nope' not found in context 'source'");
    }

    @Test
    @DisplayName("creating into a namespace that does not exist is refused, as a real API server does")
    void createIntoMissingNamespaceRefused() {
      assertThatThrownBy(() -> configMap("nope", "settings"))
          .hasMessageContaining("404");
    }
  }

  @Nested
  @DisplayName("When the cluster cannot be reached or refuses us")
  class Access {

    @Test
    @DisplayName("a closed port is a ClusterAccessException with a one-line message and no HTTP code")
    void unreachable() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      ClusterAccess access = TestCluster.kubeconfig(tmp, "gone", "http://localhost:" + port);
      ClusterObjectSource source =
          new ClusterObjectSource(access, options("shop").withRetries(0));

      assertThatThrownBy(() -> source.read(i -> {}, p -> {}))
          .isInstanceOfSatisfying(ClusterAccessException.class,
              e -> assertThat(e.getCode()).isZero())
          .hasMessage("cannot reach the cluster of context 'gone' at http://localhost:" + port
              + "/: connection refused");
    }

    @Test
    @DisplayName("a context the kubeconfig does not have is an error that lists the contexts it has")
    void wrongContext() {
      ClusterAccess known = cluster.access(tmp, "source");
      ClusterAccess wrong = new ClusterAccess(known.kubeconfig(), "prod");

      assertThatThrownBy(() -> new ClusterObjectSource(wrong, options("shop")).read(i -> {}, p -> {}))
          .isInstanceOf(ClusterAccessException.class)
          .hasMessageStartingWith("context 'prod' not found in kubeconfig ")
          .hasMessageEndingWith("(contexts: source)");
    }

    @Test
    @DisplayName("rejected credentials are a ClusterAccessException with HTTP 401 and no token in the message")
    void expiredCredentials() {
      cluster.rejectCredentials();

      assertThatThrownBy(() -> read(options("shop")))
          .isInstanceOfSatisfying(ClusterAccessException.class,
              e -> assertThat(e.getCode()).isEqualTo(401))
          .hasMessage("credentials of context 'source' rejected (HTTP 401) when trying to get"
              + " namespace shop: they may have expired; log in again or refresh the kubeconfig")
          .message().doesNotContain("not-a-real-token");
    }
  }

  @Nested
  @DisplayName("When the namespaces depend on cluster-scoped objects")
  class Dependencies {

    @Test
    @DisplayName("CRDs, ClusterRoles, PriorityClasses, IngressClasses and StorageClasses referred to are read last and marked as dependencies")
    void pulledInAndMarked() throws IOException {
      widgetsCrd();
      kube.genericKubernetesResources(WIDGETS).inNamespace("shop").resource(widget("blue"))
          .create();
      kube.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata()
          .withName("viewer").endMetadata().build()).create();
      kube.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata()
          .withName("unrelated").endMetadata().build()).create();
      kube.rbac().roleBindings().inNamespace("shop").resource(new RoleBindingBuilder()
          .withNewMetadata().withName("view").endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "viewer").build()).create();
      kube.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
          .withName("fast").endMetadata().withProvisioner("ebs.csi.aws.com").build()).create();
      pvc("shop", "data", "fast");
      kube.scheduling().v1().priorityClasses().resource(
          new io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder()
              .withNewMetadata().withName("high").endMetadata().withValue(1000).build()).create();
      deployment("shop", "web", "high", null);
      kube.network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
          .withNewMetadata().withName("web").endMetadata()
          .withNewSpec().withIngressClassName("nginx").endSpec().build()).create();

      Read read = read(options("shop"));

      List<SourceItem> dependencies =
          read.items.stream().filter(ClusterObjectSource::isClusterDependency).toList();
      assertThat(dependencies).extracting(SourceItem::location).containsExactly(
          "cluster-dependency:source/customresourcedefinitions.apiextensions.k8s.io/widgets.example.com",
          "cluster-dependency:source/clusterroles.rbac.authorization.k8s.io/viewer",
          "cluster-dependency:source/priorityclasses.scheduling.k8s.io/high",
          "cluster-dependency:source/storageclasses.storage.k8s.io/fast");
      assertThat(read.items.subList(read.items.size() - 4, read.items.size()))
          .containsExactlyElementsOf(dependencies);
      assertThat(read.problems).singleElement().satisfies(f -> {
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.resource())
            .isEqualTo(new ResourceRef("networking.k8s.io", "IngressClass", null, "nginx"));
        assertThat(f.message())
            .isEqualTo("IngressClass nginx is referred to but does not exist in the cluster");
      });
    }
  }

  @Nested
  @DisplayName("When the namespaces hold PersistentVolumeClaims")
  class Volumes {

    @Test
    @DisplayName("each claim is recorded with size, access modes, storage class and the workloads that mount it")
    void inventory() throws IOException {
      pvc("shop", "uploads", "fast");
      pvc("shop", "data-db-0", "standard");
      pvc("shop", "orphan", null);
      deployment("shop", "web", null, "uploads");
      kube.apps().statefulSets().inNamespace("shop").resource(new StatefulSetBuilder()
          .withNewMetadata().withName("db").endMetadata()
          .withNewSpec().withServiceName("db")
          .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().endVolumeClaimTemplate()
          .withNewTemplate().withNewSpec().addNewContainer().withName("db").withImage("postgres:16")
          .endContainer().endSpec().endTemplate().endSpec().build()).create();
      ClusterObjectSource source = new ClusterObjectSource(cluster.access(tmp, "source"),
          options("shop"));

      source.read(i -> {}, p -> {});

      assertThat(source.volumes()).containsExactly(
          new VolumeInventory(ref("data-db-0"), "1Gi", null, List.of("ReadWriteOnce"), "standard",
              null, "Filesystem",
              List.of(new ResourceRef("apps", "StatefulSet", "shop", "db"))),
          new VolumeInventory(ref("orphan"), "1Gi", null, List.of("ReadWriteOnce"), null, null,
              "Filesystem", List.of()),
          new VolumeInventory(ref("uploads"), "1Gi", null, List.of("ReadWriteOnce"), "fast",
              null, "Filesystem", List.of(new ResourceRef("apps", "Deployment", "shop", "web"))));
    }

    private ResourceRef ref(String claim) {
      return new ResourceRef("", "PersistentVolumeClaim", "shop", claim);
    }
  }

  @Nested
  @DisplayName("With a source and a target cluster")
  class TwoClusters {

    @Test
    @DisplayName("objects read from one test cluster can be created in another, which then serves them")
    void sourceAndTarget() throws IOException {
      configMap("shop", "settings");
      try (TestCluster target = TestCluster.start()) {
        target.client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
            .withName("shop").endMetadata().build()).create();
        for (SourceItem item : read(options("shop")).items) {
          if (item.object().path("kind").asText().equals("ConfigMap")) {
            item.object().withObjectProperty("metadata").remove(
                List.of("resourceVersion", "uid", "creationTimestamp"));
            target.client().resource(target.client().getKubernetesSerialization()
                .convertValue(item.object(), io.fabric8.kubernetes.api.model.ConfigMap.class))
                .create();
          }
        }

        assertThat(target.client().configMaps().inNamespace("shop").withName("settings").get())
            .isNotNull();
      }
    }
  }

  // --- fixtures

  private ClusterSourceOptions options(String... namespaces) {
    return ClusterSourceOptions.of(List.of(namespaces)).withRetries(0);
  }

  private Read read(ClusterSourceOptions options) throws IOException {
    Read read = new Read(new ArrayList<>(), new ArrayList<>());
    new ClusterObjectSource(cluster.access(tmp, "source"), options)
        .read(read.items::add, read.problems::add);
    return read;
  }

  private record Read(List<SourceItem> items, List<Finding> problems) {

    List<String> kinds() {
      return items.stream().map(i -> i.object().path("kind").asText()).distinct().toList();
    }

    List<String> names(String kind) {
      return items.stream().filter(i -> i.object().path("kind").asText().equals(kind))
          .map(i -> i.object().path("metadata").path("name").asText()).toList();
    }

    List<String> locations() {
      return items.stream().map(SourceItem::location).toList();
    }
  }

  private void namespace(String name) {
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .endMetadata().build()).create();
  }

  private void configMap(String ns, String name) {
    kube.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
        .withName(name).endMetadata().withData(Map.of("k", "v")).build()).create();
  }

  private void secret(String ns, String name) {
    kube.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata()
        .withName(name).endMetadata().withStringData(Map.of("k", "v")).build()).create();
  }

  private void pvc(String ns, String name, String storageClass) {
    kube.persistentVolumeClaims().inNamespace(ns).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(storageClass)
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources()
        .endSpec().build()).create();
  }

  private void deployment(String ns, String name, String priorityClass, String claim) {
    var spec = new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().withPriorityClassName(priorityClass)
        .addNewContainer().withName("app").withImage("nginx:1.27").endContainer();
    if (claim != null) {
      spec = spec.addNewVolume().withName("v").withNewPersistentVolumeClaim().withClaimName(claim)
          .endPersistentVolumeClaim().endVolume();
    }
    kube.apps().deployments().inNamespace(ns).resource(spec.endSpec().endTemplate().endSpec()
        .build()).create();
  }

  private void widgetsCrd() {
    kube.apiextensions().v1().customResourceDefinitions().resource(
        new CustomResourceDefinitionBuilder().withNewMetadata().withName("widgets.example.com")
            .endMetadata().withNewSpec().withGroup("example.com").withScope("Namespaced")
            .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget")
            .endNames()
            .addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion()
            .endSpec().build()).create();
  }

  private static io.fabric8.kubernetes.api.model.GenericKubernetesResource widget(String name) {
    return new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1")
        .withKind("Widget").withNewMetadata().withName(name).endMetadata()
        .addToAdditionalProperties("spec", Map.of("colour", name)).build();
  }
}
