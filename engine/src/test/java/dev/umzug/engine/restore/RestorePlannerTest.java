package dev.umzug.engine.restore;

import static dev.umzug.engine.restore.Items.bare;
import static dev.umzug.engine.restore.Items.item;
import static dev.umzug.engine.restore.RestorePlanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Restore planner")
class RestorePlannerTest {

  static final RestoreItem NAMESPACE = bare("v1", "Namespace", null, "shop");
  static final RestoreItem CRD = item("""
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec: {group: example.com, names: {kind: Widget, plural: widgets}}
      """);
  static final RestoreItem WIDGET = bare("example.com/v1", "Widget", "shop", "w1");
  static final RestoreItem STORAGE_CLASS = bare("storage.k8s.io/v1", "StorageClass", null, "fast");
  static final RestoreItem PV = bare("v1", "PersistentVolume", null, "pv-1");
  static final RestoreItem PVC = item("""
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data, namespace: shop}
      spec: {storageClassName: fast}
      """);
  static final RestoreItem SERVICE_ACCOUNT = bare("v1", "ServiceAccount", "shop", "web");
  static final RestoreItem ROLE = bare("rbac.authorization.k8s.io/v1", "Role", "shop", "reader");
  static final RestoreItem ROLE_BINDING = item("""
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: web-reads, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
      subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
      """);
  static final RestoreItem SECRET = bare("v1", "Secret", "shop", "creds");
  static final RestoreItem CONFIG_MAP = bare("v1", "ConfigMap", "shop", "cfg");
  static final RestoreItem NETWORK_POLICY = bare("networking.k8s.io/v1", "NetworkPolicy", "shop", "deny-all");
  static final RestoreItem SERVICE = bare("v1", "Service", "shop", "web");
  static final RestoreItem DEPLOYMENT = item("""
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          spec:
            serviceAccountName: web
            containers:
            - name: web
              image: shop/web:1
              env:
              - name: PASSWORD
                valueFrom: {secretKeyRef: {name: creds, key: password}}
              envFrom:
              - configMapRef: {name: cfg}
            volumes:
            - name: data
              persistentVolumeClaim: {claimName: data}
      """);
  static final RestoreItem HPA = bare("autoscaling/v2", "HorizontalPodAutoscaler", "shop", "web");
  static final RestoreItem INGRESS = item("""
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: shop}
      spec:
        rules:
        - http:
            paths:
            - path: /
              backend: {service: {name: web, port: {number: 80}}}
      """);
  static final RestoreItem WEBHOOK =
      bare("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", null, "shop-policy");
  static final RestoreItem API_SERVICE = bare("apiregistration.k8s.io/v1", "APIService", null, "v1beta1.metrics.k8s.io");

  static final List<RestoreItem> SHOP = List.of(NAMESPACE, CRD, WIDGET, STORAGE_CLASS, PV, PVC, SERVICE_ACCOUNT,
      ROLE, ROLE_BINDING, SECRET, CONFIG_MAP, NETWORK_POLICY, SERVICE, DEPLOYMENT, HPA, INGRESS, WEBHOOK, API_SERVICE);

  private final RestorePlanner planner = new RestorePlanner();

  @Nested
  @DisplayName("orders a complete application")
  class Order {

    @Test
    @DisplayName("CRDs, namespaces, storage, identities, configuration, workloads, routes, and webhooks last")
    void fullOrder() {
      RestorePlan plan = planner.plan(shuffled(SHOP, 1));
      assertThat(plan)
          .appliedInOrder(CRD, NAMESPACE, STORAGE_CLASS, PV, PVC, SERVICE_ACCOUNT, ROLE_BINDING, SECRET,
              NETWORK_POLICY, WIDGET, SERVICE, DEPLOYMENT, HPA, INGRESS, WEBHOOK)
          .appliedTogether(WEBHOOK, API_SERVICE)
          .appliedTogether(SECRET, CONFIG_MAP)
          .appliedInStep(WIDGET, "custom-resources")
          .hasNoFindingsAtLeast(Severity.WARNING);
    }

    @Test
    @DisplayName("the order assertion itself fails for a reversed pair and for objects of one step")
    void assertionFails() {
      RestorePlan plan = planner.plan(SHOP);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(plan).appliedInOrder(DEPLOYMENT, PVC))
          .isInstanceOf(AssertionError.class).hasMessageContaining("persistent-volume-claims");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(plan).appliedInOrder(SECRET, CONFIG_MAP))
          .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("gives the same plan whatever the order of its input")
    void deterministic() {
      RestorePlan first = planner.plan(SHOP);
      for (int seed = 0; seed < 20; seed++) {
        assertThat(planner.plan(shuffled(SHOP, seed))).isEqualTo(first);
      }
    }

    @Test
    @DisplayName("sorts the objects of one step by reference")
    void sortedInsideStep() {
      RestoreItem b = bare("v1", "ConfigMap", "shop", "b");
      RestoreItem a = bare("v1", "ConfigMap", "shop", "a");
      RestoreItem s = bare("v1", "Secret", "alpha", "z");
      RestorePlan plan = planner.plan(List.of(s, b, a));
      assertThat(plan.steps()).hasSize(1);
      assertThat(plan.steps().get(0).refs()).containsExactly(a.ref(), b.ref(), s.ref());
    }

    @Test
    @DisplayName("puts a kind unknown to the table into the custom-resources slot, after its CRD and before workloads")
    void unknownKinds() {
      RestorePlan plan = planner.plan(List.of(DEPLOYMENT, WIDGET, CRD));
      assertThat(plan).appliedInOrder(CRD, WIDGET, DEPLOYMENT);
      assertThat(plan.dependenciesOf(WIDGET.ref()))
          .extracting(Dependency::to, Dependency::ruleId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(CRD.ref(), "restore/custom-resource-definition"));
    }

    @Test
    @DisplayName("names the gates a restorer waits for after CRDs, namespaces, claims and workloads")
    void gates() {
      RestorePlan plan = planner.plan(SHOP);
      assertThat(plan.steps())
          .filteredOn(s -> !s.step().gates().isEmpty())
          .extracting(s -> s.step().id() + " " + s.step().gates())
          .containsExactly(
              "crds [CRD_ESTABLISHED]",
              "namespaces [NAMESPACE_ACTIVE]",
              "persistent-volume-claims [PVC_BOUND_OR_WAITING, VOLUME_DATA_RESTORED]",
              "workloads [WORKLOADS_AVAILABLE]");
    }
  }

  @Nested
  @DisplayName("derives dependencies from content")
  class Dependencies {

    @Test
    @DisplayName("a Deployment depends on its claim, service account, Secret and ConfigMap, at the paths that name them")
    void deploymentDependencies() {
      RestorePlan plan = planner.plan(SHOP);
      assertThat(plan.dependenciesOf(DEPLOYMENT.ref()))
          .extracting(d -> d.to().toString() + " via " + d.via())
          .containsExactly(
              "ConfigMap shop/cfg via /spec/template/spec/containers/0/envFrom/0/configMapRef/name",
              "PersistentVolumeClaim shop/data via /spec/template/spec/volumes/0/persistentVolumeClaim/claimName",
              "Secret shop/creds via /spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/name",
              "ServiceAccount shop/web via /spec/template/spec/serviceAccountName");
    }

    @Test
    @DisplayName("an Ingress depends on its backend Service and a RoleBinding on its Role")
    void ingressAndBinding() {
      RestorePlan plan = planner.plan(SHOP);
      assertThat(plan.dependenciesOf(INGRESS.ref())).extracting(Dependency::to).containsExactly(SERVICE.ref());
      assertThat(plan.dependenciesOf(ROLE_BINDING.ref())).extracting(Dependency::to).containsExactly(ROLE.ref());
    }

    @Test
    @DisplayName("a StatefulSet depends on the claims of its volumeClaimTemplates that are in the snapshot")
    void statefulSetClaims() {
      RestoreItem sts = item("""
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db, namespace: shop}
          spec:
            volumeClaimTemplates:
            - metadata: {name: data}
          """);
      RestoreItem claim0 = bare("v1", "PersistentVolumeClaim", "shop", "data-db-0");
      RestoreItem other = bare("v1", "PersistentVolumeClaim", "shop", "data-dbx-0");
      RestorePlan plan = planner.plan(List.of(sts, claim0, other));
      assertThat(plan.dependenciesOf(sts.ref())).extracting(Dependency::to).containsExactly(claim0.ref());
      assertThat(plan).appliedInOrder(claim0, sts).hasNoFindingsAtLeast(Severity.INFO);
    }
  }

  @Nested
  @DisplayName("reports what the snapshot lacks")
  class Missing {

    @Test
    @DisplayName("a Deployment mounting a claim that is not in the snapshot is a warning that names both")
    void missingClaim() {
      RestorePlan plan = planner.plan(List.of(DEPLOYMENT, SERVICE_ACCOUNT, SECRET, CONFIG_MAP));
      assertThat(plan).hasFinding(Severity.WARNING, "restore/pod-claim",
          "Deployment shop/web mounts PVC data which is not in the snapshot");
      assertThat(plan.findings()).singleElement().satisfies(f -> {
        assertThat(f.resource()).isEqualTo(DEPLOYMENT.ref());
        assertThat(f.location()).isEqualTo("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName");
      });
    }

    @Test
    @DisplayName("missing service account, Secret, ConfigMap, Service and Role are warnings each")
    void missingEach() {
      RestorePlan plan = planner.plan(List.of(DEPLOYMENT, PVC, INGRESS, ROLE_BINDING));
      assertThat(plan)
          .hasFinding(Severity.WARNING, "restore/pod-service-account",
              "Deployment shop/web runs as ServiceAccount web which is not in the snapshot")
          .hasFinding(Severity.WARNING, "restore/pod-configuration",
              "Deployment shop/web reads Secret creds which is not in the snapshot")
          .hasFinding(Severity.WARNING, "restore/pod-configuration",
              "Deployment shop/web reads ConfigMap cfg which is not in the snapshot")
          .hasFinding(Severity.WARNING, "restore/route-backend",
              "Ingress shop/web routes to Service web which is not in the snapshot")
          .hasFinding(Severity.WARNING, "restore/role-binding-role",
              "RoleBinding shop/web-reads binds Role reader which is not in the snapshot")
          .hasFinding(Severity.INFO, "restore/claim-storage-class",
              "PersistentVolumeClaim shop/data uses StorageClass fast which is not in the snapshot");
    }

    @Test
    @DisplayName("optional references, the default service account and built-in ClusterRoles are not reported")
    void notReported() {
      RestoreItem pod = item("""
          apiVersion: v1
          kind: Pod
          metadata: {name: p, namespace: shop}
          spec:
            serviceAccountName: default
            containers:
            - name: c
              envFrom: [{secretRef: {name: maybe, optional: true}}]
          """);
      RestoreItem binding = item("""
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRoleBinding
          metadata: {name: b}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:auth-delegator"}
          """);
      assertThat(planner.plan(List.of(pod, binding))).hasNoFindingsAtLeast(Severity.INFO);
    }

    @Test
    @DisplayName("a custom resource whose CRD is not in the snapshot is a warning; Gateway API kinds are not")
    void missingCrd() {
      RestoreItem route = bare("gateway.networking.k8s.io/v1", "HTTPRoute", "shop", "web");
      RestorePlan plan = planner.plan(List.of(WIDGET, route));
      assertThat(plan).hasFinding(Severity.WARNING, "restore/custom-resource-definition",
          "Widget shop/w1 needs the CustomResourceDefinition of Widget.example.com which is not in the snapshot");
      assertThat(plan.findings()).hasSize(1);
    }

    @Test
    @DisplayName("an object given twice is an error and restored once")
    void duplicate() {
      RestorePlan plan = planner.plan(List.of(SECRET, SECRET));
      assertThat(plan.applyOrder()).containsExactly(SECRET.ref());
      assertThat(plan).hasFinding(Severity.ERROR, "restore/duplicate-object",
          "Secret shop/creds appears more than once; only the first is restored");
    }
  }

  @Test
  @DisplayName("no dependency rule points from an object to one the order applies later")
  void dependenciesGoBackwards() {
    RestorePlan plan = planner.plan(SHOP);
    assertThat(plan.findings()).noneMatch(f -> f.ruleId().equals(RestorePlanner.ORDER));
    for (Dependency d : plan.dependencies()) {
      assertThat(RestoreOrder.indexOf(d.to().groupKind()))
          .as("%s", d)
          .isLessThanOrEqualTo(RestoreOrder.indexOf(d.from().groupKind()));
    }
    assertThat(JsonPointer.root().toString()).isEmpty();
    assertThat(plan.applyOrder()).doesNotHaveDuplicates().hasSize(SHOP.size());
    assertThat(plan.applyOrder()).contains(new ResourceRef("", "Namespace", null, "shop"));
  }

  private static List<RestoreItem> shuffled(List<RestoreItem> items, long seed) {
    List<RestoreItem> copy = new ArrayList<>(items);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }
}
