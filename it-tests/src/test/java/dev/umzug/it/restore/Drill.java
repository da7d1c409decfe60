package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.cli.Main;
import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.it.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A migration drill on two test clusters: the example shop application (EKS manifests from {@code
 * plans/eks-to-ionos/app}) loaded into the source, a plan from EKS to IONOS with the target's
 * classes present, keys, and the commands run in-process through {@link Main}.
 */
final class Drill implements AutoCloseable {

  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final Path APP = locate("plans/eks-to-ionos/app");

  final Path dir;
  final TestCluster source = TestCluster.start();
  final TestCluster target = TestCluster.start();
  final Path plan;
  final Path keys;
  final Path store;
  private Path targetKubeconfig;
  private final int setupWrites;

  Drill(Path dir, String extraSpec) throws IOException {
    this.dir = dir;
    this.keys = dir.resolve("keys");
    this.store = dir.resolve("store");
    Run k = umzug("keys", "generate", "--out", keys.toString(), "-o", "json");
    assertThat(k.code()).as(k.err()).isZero();
    String recipient = k.json().path("recipient").asText();
    load(source.client(), APP);
    prepareTarget(target.client());
    ClusterAccess from = source.access(dir, "eks-prod");
    ClusterAccess to = target.access(dir, "ionos-fra");
    targetKubeconfig = to.kubeconfig().orElseThrow();
    setupWrites = target.writes().size();
    plan = dir.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: shop-drill
        spec:
          source:
            provider: aws-eks
            cluster:
              kubeconfig: %s
              context: eks-prod
          target:
            provider: ionos
            cluster:
              kubeconfig: %s
              context: ionos-fra
          namespaces:
            - name: shop
          store:
            path: %s
          encryption:
            recipients: [%s]
          mappings:
            registries:
              123456789012.dkr.ecr.eu-central-1.amazonaws.com: shop.cr.de-fra.ionos.com
            storageClasses:
              gp3: ionos-enterprise-ssd
            ingressClasses:
              alb: traefik
            nodePools:
              shop-general: general
              shop-db: database
        %s
        """.formatted(from.kubeconfig().orElseThrow(), to.kubeconfig().orElseThrow(), store, recipient,
        extraSpec.indent(2)));
  }

  /** Points the plan's target at another address of the target cluster, e.g. a proxy in front of it. */
  void targetVia(String url) throws IOException {
    Path via = TestCluster.kubeconfig(dir, "ionos-fra", url).kubeconfig().orElseThrow();
    Files.writeString(plan, Files.readString(plan).replace(targetKubeconfig.toString(), via.toString()));
    targetKubeconfig = via;
  }

  /** The target's write requests since the drill set it up (its storage and ingress classes). */
  List<String> targetWrites() {
    List<String> all = target.writes();
    return all.subList(setupWrites, all.size());
  }

  /** Takes the snapshot {@code id} of the source. */
  Run snapshot(String id) {
    Run r = umzug("snapshot", "-f", plan.toString(), "--signing-key", keys.resolve("signing-key.pem").toString(),
        "--id", id, "-q");
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    return r;
  }

  /** Restores snapshot {@code id}; gates time out after 20 s unless {@code extra} says otherwise. */
  Run restore(String id, String... extra) {
    return umzug(restoreArgs(id, extra));
  }

  /** The arguments {@link #restore} runs umzug with, e.g. for a child process. */
  String[] restoreArgs(String id, String... extra) {
    String[] args = {"restore", "-f", plan.toString(), "--snapshot", id, "--public-key",
        keys.resolve("signing-key.pub.pem").toString(), "--identity", keys.resolve("age-identity.txt").toString(),
        "--journal", journal(id).toString()};
    if (!List.of(extra).contains("--gate-timeout")) {
      args = concat(args, new String[] {"--gate-timeout", "20"});
    }
    return concat(args, extra);
  }

  /** The journal {@link #restore} and {@link #verify} use for snapshot {@code id}. */
  Path journal(String id) {
    return dir.resolve("restore-" + id + ".journal");
  }

  /** Adds namespaces to the plan, after {@code shop}; take the snapshot afterwards. */
  void includeNamespaces(String... names) throws IOException {
    StringBuilder more = new StringBuilder("    - name: shop\n");
    for (String n : names) {
      more.append("    - name: ").append(n).append('\n');
    }
    Files.writeString(plan, Files.readString(plan).replace("    - name: shop\n", more));
  }

  /**
   * Points the plan's target context at another cluster, e.g. a fresh one per round, and creates
   * on it the classes the plan maps to.
   */
  void retarget(TestCluster cluster) throws IOException {
    Path kubeconfig = PlanLoader.load(plan).target().cluster().orElseThrow().kubeconfig().orElseThrow();
    Path fresh = cluster.access(dir, "ionos-fra").kubeconfig().orElseThrow();
    Files.move(fresh, kubeconfig, StandardCopyOption.REPLACE_EXISTING);
    prepareTarget(cluster.client());
  }

  /** The target's own classes that the plan maps the source's to. */
  static void prepareTarget(KubernetesClient client) {
    client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
        .withName("ionos-enterprise-ssd").endMetadata().withProvisioner("cloud.ionos.com")
        .withVolumeBindingMode("WaitForFirstConsumer").build()).create();
    client.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata()
        .withName("traefik").endMetadata().withNewSpec().withController("traefik.io/ingress-controller").endSpec()
        .build()).create();
  }

  Run verify(String id, String... extra) {
    return umzug(concat(new String[] {"verify", "-f", plan.toString(), "--snapshot", id, "--public-key",
        keys.resolve("signing-key.pub.pem").toString(), "--identity", keys.resolve("age-identity.txt").toString(),
        "--journal", dir.resolve("restore-" + id + ".journal").toString()}, extra));
  }

  static Run umzug(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Creates every object of the manifests in {@code dir} on a cluster, namespaces first. */
  static void load(KubernetesClient client, Path dir) throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          Object parsed = Serialization.unmarshal(in);
          if (parsed instanceof KubernetesList list) {
            objects.addAll(list.getItems());
          } else if (parsed instanceof List<?> many) {
            many.forEach(o -> objects.add((HasMetadata) o));
          } else {
            objects.add((HasMetadata) parsed);
          }
        }
      }
    }
    objects.sort(Comparator.comparing(o -> o instanceof Namespace ? 0 : 1));
    for (HasMetadata o : objects) {
      client.resource(o).create();
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Path locate(String relative) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve(relative))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
    return p.resolve(relative);
  }

  @Override
  public void close() {
    source.close();
    target.close();
  }
}
