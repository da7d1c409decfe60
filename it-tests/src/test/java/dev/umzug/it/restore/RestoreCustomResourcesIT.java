package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.it.restore.Drill.Run;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond the built-in types: an application CRD and its custom resource, an EKS vendor resource
 * that the rules drop, and a standalone claim: their order, their gates, and what verify demands of
 * objects that must be absent.
 */
class RestoreCustomResourcesIT {

  static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder().withGroup("example.com")
      .withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true).build();
  static final ResourceDefinitionContext TARGET_GROUP_BINDINGS = new ResourceDefinitionContext.Builder()
      .withGroup("elbv2.k8s.aws").withVersion("v1beta1").withKind("TargetGroupBinding")
      .withPlural("targetgroupbindings").withNamespaced(true).build();

  @TempDir Path tmp;
  Drill drill;

  @BeforeEach
  void setUp() throws Exception {
    drill = new Drill(tmp, "conflictPolicy: fail");
    KubernetesClient source = drill.source.client();
    source.apiextensions().v1().customResourceDefinitions().resource(crd("example.com", "Widget", "widgets", "v1"))
        .create();
    source.apiextensions().v1().customResourceDefinitions()
        .resource(crd("elbv2.k8s.aws", "TargetGroupBinding", "targetgroupbindings", "v1beta1")).create();
    source.genericKubernetesResources(WIDGETS).inNamespace("shop").resource(resource("example.com/v1", "Widget",
        "blue", Map.of("color", "blue", "size", 3))).create();
    source.genericKubernetesResources(TARGET_GROUP_BINDINGS).inNamespace("shop").resource(resource(
        "elbv2.k8s.aws/v1beta1", "TargetGroupBinding", "web-tgb", Map.of("targetGroupARN",
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/web/0123456789abcdef",
            "serviceRef", Map.of("name", "web", "port", 80)))).create();
    source.persistentVolumeClaims().inNamespace("shop").resource(new PersistentVolumeClaimBuilder().withNewMetadata()
        .withName("uploads").endMetadata().withNewSpec().withStorageClassName("gp3").withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("5Gi")).endResources().endSpec().build()).create();
    drill.snapshot("s1");
  }

  @AfterEach
  void tearDown() {
    drill.close();
  }

  @Test
  @DisplayName("a CRD is established before its custom resources, a claim gets the mapped class and is bound before workloads, a vendor resource stays behind")
  void customResourcesAndClaims() {
    Run restore = drill.restore("s1", "-o", "json");
    assertThat(restore.code()).as(restore.err() + restore.out()).isZero();

    KubernetesClient target = drill.target.client();
    assertThat(target.genericKubernetesResources(WIDGETS).inNamespace("shop").withName("blue").get()
        .getAdditionalProperties()).containsKey("spec");
    assertThat(target.persistentVolumeClaims().inNamespace("shop").withName("uploads").get().getSpec()
        .getStorageClassName()).isEqualTo("ionos-enterprise-ssd");
    assertThat(target.apiextensions().v1().customResourceDefinitions().withName("targetgroupbindings.elbv2.k8s.aws")
        .get()).as("the vendor CRD is dropped").isNull();
    WriteOrder.assertThat(drill.targetWrites())
        .appliedInOrder("/customresourcedefinitions ", "/namespaces ", "/widgets ")
        .appliedInOrder("/persistentvolumeclaims ", "/statefulsets ");
    Map<String, String> gates = new java.util.TreeMap<>();
    restore.json().path("gates").forEach(g -> gates.put(g.path("gate").asText(), g.path("status").asText()));
    assertThat(gates).containsEntry("crd-established", "passed").containsEntry("namespace-active", "passed")
        .containsEntry("pvc-bound-or-waiting", "passed").containsEntry("workloads-available", "passed");

    Run verify = drill.verify("s1", "-o", "json");
    assertThat(verify.code()).as(verify.out()).isZero();
    assertThat(verify.json().path("counts").path("ABSENT_AS_INTENDED").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(verify.json().path("counts").path("PRESENT").asInt()).as("the application's CRD").isEqualTo(1);
  }

  @Test
  @DisplayName("a vendor resource the rules dropped but someone created on the target fails verify as unexpectedly present")
  void droppedObjectMustBeAbsent() {
    assertThat(drill.restore("s1").code()).isZero();
    KubernetesClient target = drill.target.client();
    target.apiextensions().v1().customResourceDefinitions()
        .resource(crd("elbv2.k8s.aws", "TargetGroupBinding", "targetgroupbindings", "v1beta1")).create();
    target.genericKubernetesResources(TARGET_GROUP_BINDINGS).inNamespace("shop").resource(resource(
        "elbv2.k8s.aws/v1beta1", "TargetGroupBinding", "web-tgb", Map.of("serviceRef", Map.of("name", "web"))))
        .create();

    Run verify = drill.verify("s1");
    assertThat(verify.code()).isEqualTo(6);
    assertThat(verify.out()).contains("unexpectedly_present", "TargetGroupBinding.elbv2.k8s.aws shop/web-tgb",
        "CustomResourceDefinition.apiextensions.k8s.io targetgroupbindings.elbv2.k8s.aws");
  }

  @Test
  @DisplayName("a claim that never binds fails its gate at the timeout, and the workloads after it are not started")
  void unboundClaimStopsTheRestore() {
    drill.target.neverReady("PersistentVolumeClaim", "shop/uploads");
    drill.target.client().storage().v1().storageClasses().withName("ionos-enterprise-ssd").edit(sc -> {
      sc.setVolumeBindingMode("Immediate");
      return sc;
    });
    Run restore = drill.restore("s1", "--gate-timeout", "2");
    assertThat(restore.code()).as(restore.err() + restore.out()).isEqualTo(5);
    assertThat(restore.out()).contains("pvc-bound-or-waiting", "failed", "PersistentVolumeClaim shop/uploads",
        "not-attempted", "Deployment.apps shop/web", "run the same command again to continue");
    assertThat(drill.target.client().apps().deployments().inNamespace("shop").withName("web").get()).isNull();
  }

  static CustomResourceDefinition crd(String group, String kind, String plural, String version) {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + "." + group).endMetadata()
        .withNewSpec().withGroup(group).withScope("Namespaced").withNewNames().withKind(kind).withPlural(plural)
        .withSingular(kind.toLowerCase()).endNames().addNewVersion().withName(version).withServed(true)
        .withStorage(true).withNewSchema().withNewOpenAPIV3Schema().withType("object")
        .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
  }

  static GenericKubernetesResource resource(String apiVersion, String kind, String name, Map<String, Object> spec) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(apiVersion);
    r.setKind(kind);
    r.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("shop").build());
    r.setAdditionalProperty("spec", spec);
    return r;
  }
}
