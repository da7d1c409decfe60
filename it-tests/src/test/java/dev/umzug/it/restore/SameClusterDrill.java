package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.it.restore.Drill.Run;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A disaster-recovery drill within one cluster: namespace {@code shop} is snapshotted, dry-run,
 * restored with server-side apply into {@code shop-dr}, verified, changed, and verified again.
 * Run on the test cluster and on k3s.
 */
final class SameClusterDrill {

  private SameClusterDrill() {}

  static void run(Path tmp, Path file, String context, KubernetesClient kube) throws IOException {
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    kube.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().withData(Map.of("mode", "production")).build()).create();
    kube.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("links")
        .endMetadata().withData(Map.of("API_URL", "http://api.shop.svc.cluster.local:8080/v1")).build()).create();
    kube.services().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
        .withNewMetadata().withName("api").endMetadata().withNewSpec().addToSelector("app", "api").addNewPort()
        .withName("http").withPort(8080).endPort().endSpec().build()).create();
    kube.serviceAccounts().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
        .withNewMetadata().withName("deployer").endMetadata().build()).create();
    kube.rbac().roleBindings().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
        .withNewMetadata().withName("deployer-view").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole").withName("view").endRoleRef().addNewSubject().withKind("ServiceAccount")
        .withName("deployer").withNamespace("shop").endSubject().build()).create();
    kube.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata()
        .addToStringData("password", "k3s-drill-secret").build()).create();
    kube.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata()
        .withName("web").endMetadata().withNewSpec().withReplicas(0).withNewSelector()
        .addToMatchLabels("app", "web").endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web")
        .endMetadata().withNewSpec().addNewContainer().withName("web").withImage("rancher/mirrored-pause:3.6")
        .addNewEnv().withName("MODE").withNewValueFrom().withNewConfigMapKeyRef("mode", "settings", false)
        .endValueFrom().endEnv().endContainer().endSpec().endTemplate().endSpec().build()).create();

    Run keys = Drill.umzug("keys", "generate", "--out", tmp.resolve("keys").toString(), "-o", "json");
    assertThat(keys.code()).as(keys.err()).isZero();
    Path plan = tmp.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata: {name: k3s-drill}
        spec:
          source: {provider: k3s, cluster: {kubeconfig: %1$s, context: %4$s}}
          target: {provider: k3s, cluster: {kubeconfig: %1$s, context: %4$s}}
          namespaces:
            - {name: shop, renameTo: shop-dr}
          store: {path: %2$s}
          encryption: {recipients: [%3$s]}
          conflictPolicy: update
        """.formatted(file, tmp.resolve("store"), keys.json().path("recipient").asText(), context));
    String[] access = {"--snapshot", "k1", "--public-key", tmp.resolve("keys/signing-key.pub.pem").toString(),
        "--identity", tmp.resolve("keys/age-identity.txt").toString(), "--journal", tmp.resolve("j").toString()};

    Run snapshot = Drill.umzug("snapshot", "-f", plan.toString(), "--signing-key",
        tmp.resolve("keys/signing-key.pem").toString(), "--id", "k1", "-q");
    assertThat(snapshot.code()).as(snapshot.err()).isZero();
    Run dry = Drill.umzug(args(new String[] {"restore", "-f", plan.toString(), "--dry-run"}, access));
    assertThat(dry.code()).as(dry.err() + dry.out()).isZero();
    Run restore = Drill.umzug(args(new String[] {"restore", "-f", plan.toString(), "--strategy", "apply"}, access));
    assertThat(restore.code()).as(restore.err() + restore.out()).isZero();
    assertThat(kube.configMaps().inNamespace("shop-dr").withName("settings").get().getData())
        .containsEntry("mode", "production");
    assertThat(kube.configMaps().inNamespace("shop-dr").withName("links").get().getData())
        .containsEntry("API_URL", "http://api.shop-dr.svc.cluster.local:8080/v1");
    assertThat(kube.rbac().roleBindings().inNamespace("shop-dr").withName("deployer-view").get().getSubjects())
        .singleElement().satisfies(subject -> assertThat(subject.getNamespace()).isEqualTo("shop-dr"));
    Run verify = Drill.umzug(args(new String[] {"verify", "-f", plan.toString(), "-o", "markdown"}, access));
    assertThat(verify.code()).as(verify.err() + verify.out()).isZero();

    kube.configMaps().inNamespace("shop-dr").withName("settings")
        .edit(cm -> { cm.getData().put("mode", "staging"); return cm; });
    Run changed = Drill.umzug(args(new String[] {"verify", "-f", plan.toString()}, access));
    assertThat(changed.code()).isEqualTo(6);
    assertThat(changed.out()).contains("ConfigMap shop-dr/settings", "/data/mode");
    Run markdown = Drill.umzug(args(new String[] {"verify", "-f", plan.toString(), "-o", "markdown"}, access));
    assertThat(markdown.out()).contains("| MISMATCH | ConfigMap shop-dr/settings | `/data/mode` | \"production\" | \"staging\" |");
  }

  private static String[] args(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
