package dev.umzug.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.restore.PlannedStep;
import dev.umzug.engine.restore.RestoreItem;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.restore.RestorePlan;
import dev.umzug.engine.restore.RestorePlanner;
import dev.umzug.engine.restore.apply.ApplyOutcome;
import dev.umzug.engine.restore.apply.ClusterScopedPolicy;
import dev.umzug.engine.restore.apply.GateResult;
import dev.umzug.engine.restore.apply.ObjectResult;
import dev.umzug.engine.restore.apply.Preflight;
import dev.umzug.engine.restore.apply.RestoreListener;
import dev.umzug.engine.restore.apply.RestoreOptions;
import dev.umzug.engine.restore.apply.RestoreResult;
import dev.umzug.engine.restore.apply.Restorer;
import dev.umzug.engine.restore.apply.Retrier;
import dev.umzug.engine.restore.apply.SnapshotIntent;
import dev.umzug.engine.restore.cluster.KubernetesTarget;
import dev.umzug.engine.snapshot.AgeIdentity;
import dev.umzug.engine.snapshot.KeyGenerator;
import dev.umzug.engine.snapshot.LocalDirectoryStore;
import dev.umzug.engine.snapshot.ManifestSigner;
import dev.umzug.engine.snapshot.SigningKeys;
import dev.umzug.engine.snapshot.SnapshotRun;
import dev.umzug.engine.snapshot.SnapshotWriter;
import dev.umzug.engine.source.ManifestDirectorySource;
import dev.umzug.it.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores 10,000 objects from a signed snapshot to a fresh test cluster that answers every request
 * 10 ms late (a real target is never on loopback), at several worker counts, and compares the rate
 * with applying the same rewritten objects one by one through a client from the same kubeconfig, as
 * {@code kubectl apply -f} does (GET, then create), in the same run. Aim: the default settings at
 * least five times that rate. The profile sets -Xmx256m.
 *
 * <p>{@code -Dbench.restore.objects=N} (default 10,000), {@code -Dbench.restore.workers=1,4,16,32},
 * {@code -Dbench.restore.latency.ms=10}.
 */
class RestoreBench {

  private static final int OBJECTS = Integer.getInteger("bench.restore.objects", 10_000);
  private static final List<Integer> WORKERS =
      java.util.Arrays.stream(System.getProperty("bench.restore.workers", "1,4,16,32").split(","))
          .map(String::strip).map(Integer::valueOf).toList();
  private static final Duration LATENCY = Duration.ofMillis(Long.getLong("bench.restore.latency.ms", 10));
  private static final int NAMESPACES = 10;
  private static final String SNAPSHOT = "bench";
  private static final String CONTEXT = "bench-target";

  @TempDir Path tmp;

  @Test
  @DisplayName("restoring runs at least five times the rate of applying the same objects one by one")
  void restoreAgainstOneByOne() throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    var keys = KeyGenerator.generate(tmp.resolve("keys"), now);
    Path manifests = tmp.resolve("manifests");
    Set<String> namespaces = generate(manifests, OBJECTS);
    var store = LocalDirectoryStore.create(tmp.resolve("store"));
    var writer = SnapshotWriter.begin(store, SNAPSHOT,
        new ManifestSigner(SigningKeys.readPair(tmp.resolve("keys").resolve(KeyGenerator.SIGNING_KEY_FILE))), now);
    SnapshotRun.Result snap = new SnapshotRun(store, namespaces, List.of(keys.recipient()))
        .run(new ManifestDirectorySource(manifests), writer, SNAPSHOT, f -> {});
    Path kubeconfig = tmp.resolve("target-kubeconfig.yaml");
    Path plan = plan(tmp, namespaces, kubeconfig, keys.recipient());

    // the CLI's path: plan, signed snapshot, intent, restore plan
    long tl = System.nanoTime();
    MigrationPlan migration = PlanLoader.load(plan);
    SnapshotIntent loaded = SnapshotIntent.load(migration, Registry.load(), store, SNAPSHOT,
        SigningKeys.readPublic(tmp.resolve("keys").resolve(KeyGenerator.SIGNING_PUBLIC_FILE)),
        Optional.of(AgeIdentity.read(tmp.resolve("keys").resolve(KeyGenerator.IDENTITY_FILE))));
    RestorePlan restorePlan = new RestorePlanner().plan(loaded.intent().items());
    double loadSeconds = (System.nanoTime() - tl) / 1e9;
    List<ObjectNode> ordered = new ArrayList<>();
    for (PlannedStep step : restorePlan.steps()) {
      for (RestoreItem item : step.items()) {
        if (ClusterScopedPolicy.of(item.ref()) != ClusterScopedPolicy.Treatment.NOT_RESTORED) {
          ordered.add((ObjectNode) item.content());
        }
      }
    }
    System.out.printf(Locale.ROOT, "bench: %,d objects in %d namespaces, snapshot of %,d objects; reading, verifying"
        + " and rewriting it: %.1f s; latency %d ms per request, max heap %d MiB%n", ordered.size(), NAMESPACES,
        snap.objects(), loadSeconds, LATENCY.toMillis(), Runtime.getRuntime().maxMemory() / 1048576);

    double baseline;
    try (TestCluster target = fresh(kubeconfig)) {
      long t0 = System.nanoTime();
      long applied = oneByOne(kubeconfig, ordered);
      double seconds = (System.nanoTime() - t0) / 1e9;
      baseline = applied / seconds;
      System.out.printf(Locale.ROOT, "bench: one by one (GET, then create), %,d objects: %,.0f objects/s (%.1f s)%n",
          applied, baseline, seconds);
      assertThat(target.client().configMaps().inAnyNamespace().list().getItems()).hasSize(count(ordered, "ConfigMap"));
    }

    List<String> rows = new ArrayList<>();
    rows.add(String.format(Locale.ROOT, "| one by one (GET, then create) | 1 | %,.0f | 1.0 |", baseline));
    for (int workers : WORKERS) {
      rows.add(restore(kubeconfig, migration, loaded, restorePlan, ordered.size(), baseline,
          RestoreOptions.defaults(migration.conflictPolicy()).withWorkers(workers), "restore"));
    }
    rows.add(restore(kubeconfig, migration, loaded, restorePlan, ordered.size(), baseline,
        RestoreOptions.defaults(migration.conflictPolicy()).withRate(0, RestoreOptions.DEFAULT_BURST),
        "restore, no client-side rate limit"));
    System.out.println("bench: | how | workers | objects/s | against one by one |");
    rows.forEach(r -> System.out.println("bench: " + r));
  }

  /** One restore to a fresh target, the way RestoreCommand runs it; returns a table row. */
  private String restore(Path kubeconfig, MigrationPlan migration, SnapshotIntent loaded, RestorePlan restorePlan,
      int objects, double baseline, RestoreOptions options, String how) throws IOException {
    try (TestCluster target = fresh(kubeconfig);
        KubernetesTarget live = KubernetesTarget.open(migration.target().cluster().orElseThrow());
        RestoreJournal journal = RestoreJournal.open(Files.createTempFile(tmp, "journal-", ""),
            loaded.manifest().rootDigest())) {
      Retrier retrier = new Retrier(options.retry());
      Timings timings = new Timings();
      long t0 = System.nanoTime();
      var findings = new Preflight(live, retrier).check(loaded.intent().items(), options.policy(), journal);
      RestoreResult result = new Restorer(options, retrier, Clock.systemUTC()).run(restorePlan, live, journal, false,
          timings);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(findings).noneMatch(f -> f.severity() == dev.umzug.engine.spi.Severity.BLOCKER);
      assertThat(result.complete()).as(result.stoppedBecause()).isTrue();
      assertThat(result.counts().get(ApplyOutcome.CREATED)).isEqualTo(objects);
      double rate = objects / seconds;
      System.out.printf(Locale.ROOT, "bench: %s, %d workers, qps %s, burst %d: %,.0f objects/s (%.1f s, of which"
          + " gates %.1f s; %,d requests, %d retries)%n", how, options.workers(),
          options.qps() == 0 ? "unlimited" : String.format(Locale.ROOT, "%.0f", options.qps()), options.burst(), rate,
          seconds, timings.gateNanos / 1e9, result.requests(), result.retryCount());
      return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f |", how, options.workers(), rate, rate / baseline);
    }
  }

  /** Time spent in gates: from a step's last object (or the previous gate) to each gate's result. */
  private static final class Timings implements RestoreListener {
    private long last = System.nanoTime();
    private long gateNanos;

    @Override
    public synchronized void onObject(ObjectResult result) {
      last = System.nanoTime();
    }

    @Override
    public synchronized void onGate(GateResult result) {
      long now = System.nanoTime();
      gateNanos += now - last;
      last = now;
    }
  }

  /**
   * The baseline: every object in restore order, one at a time, through a client from the same
   * kubeconfig, as {@code kubectl apply -f} does: GET, then create when absent (patch otherwise;
   * on a fresh target nothing exists).
   */
  private static long oneByOne(Path kubeconfig, List<ObjectNode> ordered) throws IOException {
    Config config = Config.fromKubeconfig(CONTEXT, Files.readString(kubeconfig), null);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      long applied = 0;
      for (ObjectNode o : ordered) {
        GenericKubernetesResource r = Serialization.jsonMapper().convertValue(o, GenericKubernetesResource.class);
        var resource = client.resource(r);
        if (resource.get() == null) {
          resource.create();
        } else {
          resource.patch();
        }
        applied++;
      }
      return applied;
    }
  }

  /** A new empty target with the latency, its kubeconfig written where the plan points. */
  private TestCluster fresh(Path kubeconfig) throws IOException {
    TestCluster target = TestCluster.start();
    ClusterAccess access = target.access(tmp, CONTEXT);
    Files.move(access.kubeconfig().orElseThrow(), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
    target.latency(LATENCY);
    return target;
  }

  private static int count(List<ObjectNode> objects, String kind) {
    return (int) objects.stream().filter(o -> o.path("kind").asText().equals(kind)).count();
  }

  private static Path plan(Path dir, Set<String> namespaces, Path kubeconfig, String recipient) throws IOException {
    StringBuilder ns = new StringBuilder();
    namespaces.forEach(n -> ns.append("    - name: ").append(n).append('\n'));
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, """
        apiVersion: umzug.dev/v1alpha1
        kind: MigrationPlan
        metadata:
          name: restore-bench
        spec:
          source:
            provider: aws-eks
            manifests:
              path: manifests
          target:
            provider: ionos
            cluster:
              kubeconfig: %s
              context: %s
          namespaces:
        %s  store:
            path: store
          encryption:
            recipients: [%s]
          mappings:
            registries:
              123456789012.dkr.ecr.eu-central-1.amazonaws.com: bench.cr.de-fra.ionos.com
          conflictPolicy: fail
        """.formatted(kubeconfig, CONTEXT, ns, recipient));
    return plan;
  }

  /**
   * Writes {@code count} objects (plus their namespaces) as EKS manifests: per namespace 60 %
   * ConfigMaps, 20 % Secrets, 10 % Services and 10 % Deployments that mount a ConfigMap and a Secret.
   */
  private static Set<String> generate(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    Set<String> namespaces = new TreeSet<>();
    int perNamespace = count / NAMESPACES;
    for (int n = 0; n < NAMESPACES; n++) {
      String ns = String.format(Locale.ROOT, "team-%02d", n);
      namespaces.add(ns);
      try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(ns + ".yaml"), StandardCharsets.UTF_8)) {
        w.write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
        for (int i = 0; i < perNamespace; i++) {
          w.write("---\n");
          w.write(document(ns, i, perNamespace));
        }
      }
    }
    return namespaces;
  }

  private static String document(String ns, int i, int perNamespace) {
    int slot = i % 10;
    int app = i / 10;
    if (slot < 6) {
      return """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: config-%1$d, namespace: %2$s, labels: {app: app-%3$d}}
          data:
            application.properties: "server.port=8080\\nfeature.flags=a,b,c\\nindex=%1$d"
          """.formatted(i, ns, app);
    }
    if (slot < 8) {
      String value = Base64.getEncoder().encodeToString(("secret-" + ns + "-" + i).getBytes(StandardCharsets.UTF_8));
      return """
          apiVersion: v1
          kind: Secret
          metadata: {name: secret-%1$d, namespace: %2$s}
          type: Opaque
          data: {password: %3$s}
          """.formatted(i, ns, value);
    }
    if (slot == 8) {
      return """
          apiVersion: v1
          kind: Service
          metadata: {name: app-%1$d, namespace: %2$s}
          spec:
            selector: {app: app-%1$d}
            ports: [{name: http, port: 80, targetPort: 8080}]
          """.formatted(app, ns);
    }
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app-%1$d, namespace: %2$s, labels: {app: app-%1$d}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: app-%1$d}}
          template:
            metadata: {labels: {app: app-%1$d}}
            spec:
              containers:
              - name: app
                image: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/%2$s/app-%1$d:1.0
                envFrom: [{configMapRef: {name: config-%3$d}}]
                volumeMounts: [{name: secret, mountPath: /etc/secret}]
              volumes: [{name: secret, secret: {secretName: secret-%4$d}}]
        """.formatted(app, ns, app * 10, app * 10 + 6);
  }
}
