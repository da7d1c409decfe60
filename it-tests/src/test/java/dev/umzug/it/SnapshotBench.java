package dev.umzug.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.snapshot.KeyGenerator;
import dev.umzug.engine.snapshot.LocalDirectoryStore;
import dev.umzug.engine.snapshot.ManifestSigner;
import dev.umzug.engine.snapshot.SigningKeys;
import dev.umzug.engine.snapshot.SnapshotRun;
import dev.umzug.engine.snapshot.SnapshotWriter;
import dev.umzug.engine.source.cluster.ClusterObjectSource;
import dev.umzug.engine.source.cluster.ClusterSourceOptions;
import dev.umzug.it.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots 10,000 and 50,000 objects from the test cluster and compares the rate with a plain
 * paginated list of the same objects through a client built from the same kubeconfig, in the same
 * run (aim: at least 0.8 of that rate). The profile sets -Xmx256m.
 */
class SnapshotBench {

  /**
   * Object counts; {@code -Dbench.snapshot.sizes=10000,50000} by default.
   */
  private static final List<Integer> SIZES =
      java.util.Arrays.stream(System.getProperty("bench.snapshot.sizes", "10000,50000").split(","))
          .map(String::strip).map(Integer::valueOf).toList();

  @TempDir Path tmp;

  @Test
  @DisplayName("snapshotting from a cluster runs at least at 0.8 of a plain paginated list")
  void snapshotAgainstPlainList() throws Exception {
    Path work = Files.isWritable(Path.of("/dev/shm")) ? Files.createTempDirectory(Path.of("/dev/shm"), "umzug-snap-") : tmp;
    var keys = KeyGenerator.generate(work.resolve("keys"), Instant.parse("2026-01-01T00:00:00Z"));
    ManifestSigner signer = new ManifestSigner(SigningKeys.readPair(work.resolve("keys").resolve(KeyGenerator.SIGNING_KEY_FILE)));
    int created = 0;
    try (TestCluster cluster = TestCluster.start()) {
      KubernetesClient kube = cluster.client();
      kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build()).create();
      ClusterAccess access = cluster.access(work, "bench");
      for (int size : SIZES) {
        created = populate(cluster, created, size);
        // warm-up round, then the measured round
        for (int round = 0; round < 2; round++) {
          System.gc();
          long t0 = System.nanoTime();
          long listed = plainList(access);
          double listSeconds = (System.nanoTime() - t0) / 1e9;

          long tr = System.nanoTime();
          long[] read = {0};
          new ClusterObjectSource(access, ClusterSourceOptions.of(List.of("bench")).withRetries(0))
              .read(i -> read[0]++, p -> {});
          double readSeconds = (System.nanoTime() - tr) / 1e9;

          resetPeaks();
          var store = LocalDirectoryStore.create(work.resolve("store-" + size + "-" + round));
          String id = "bench-" + size + "-" + round;
          long t1 = System.nanoTime();
          var writer = SnapshotWriter.begin(store, id, signer, Instant.parse("2026-01-01T00:00:00Z"));
          SnapshotRun.Result result = new SnapshotRun(store, Set.of("bench"), List.of(keys.recipient()))
              .run(new ClusterObjectSource(access, ClusterSourceOptions.of(List.of("bench")).withRetries(0)), writer, id, f -> {});
          double snapSeconds = (System.nanoTime() - t1) / 1e9;
          long peak = peakHeap();
          if (round == 1) {
            double listRate = listed / listSeconds;
            double snapRate = result.objects() / snapSeconds;
            System.out.printf(Locale.ROOT, "bench: %,d objects: plain paginated list %,.0f objects/s (%.2f s)%n", listed, listRate, listSeconds);
            System.out.printf(Locale.ROOT, "bench: %,d objects: reading the cluster only %,.0f objects/s (%.2f s)%n",
                read[0], read[0] / readSeconds, readSeconds);
            System.out.printf(Locale.ROOT, "bench: %,d objects: snapshot             %,.0f objects/s (%.2f s), peak heap %d MiB%n",
                result.objects(), snapRate, snapSeconds, peak / 1048576);
            System.out.printf(Locale.ROOT, "bench: %,d objects: snapshot / list rate %.2f (aim: at least 0.80) -> %s%n",
                size, snapRate / listRate, snapRate / listRate >= 0.8 ? "aim met" : "aim MISSED");
          }
          assertThat(result.objects()).isGreaterThanOrEqualTo(size);
        }
      }
    }
  }

  /**
   * Creates ConfigMaps up to {@code size}, straight in the test cluster's store (one POST each would
   * cost more per object the fuller the store is).
   */
  private static int populate(TestCluster cluster, int from, int size) {
    List<ConfigMap> configMaps = new java.util.ArrayList<>();
    for (int n = from; n < size; n++) {
      configMaps.add(new ConfigMapBuilder()
          .withNewMetadata().withName(String.format(Locale.ROOT, "cm-%06d", n)).withNamespace("bench")
          .addToLabels("app", "bench").endMetadata()
          .addToData("application.properties", "server.port=8080\nfeature.flags=a,b,c\nindex=" + n)
          .build());
    }
    cluster.load(configMaps);
    return size;
  }

  /** The baseline: every ConfigMap of the namespace, 500 per page, through a client from the same kubeconfig. */
  private static long plainList(ClusterAccess access) throws IOException {
    Config config = Config.fromKubeconfig(access.context(), Files.readString(access.kubeconfig().orElseThrow()), null);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      long count = 0;
      String next = null;
      do {
        ConfigMapList page = client.configMaps().inNamespace("bench")
            .list(new ListOptionsBuilder().withLimit(500L).withContinue(next).build());
        count += page.getItems().size();
        next = page.getMetadata().getContinue();
      } while (next != null && !next.isEmpty());
      return count;
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
