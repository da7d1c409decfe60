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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots 10,000 and 50,000 objects from the test cluster and compares the rate with a plain
 * paginated list of the same objects through a client built from the same kubeconfig, in the same
 * run (aim: at least 0.8 of that rate). The profile sets -Xmx256m. Each size runs one warm-up round
 * and {@code bench.snapshot.rounds} measured ones; the median rate of each phase is printed.
 */
class SnapshotBench {

  /**
   * Object counts; {@code -Dbench.snapshot.sizes=10000,50000} by default.
   */
  private static final List<Integer> SIZES =
      java.util.Arrays.stream(System.getProperty("bench.snapshot.sizes", "10000,50000").split(","))
          .map(String::strip).map(Integer::valueOf).toList();

  /** Measured rounds per size, after one warm-up round; {@code -Dbench.snapshot.rounds=3} by default. */
  private static final int ROUNDS = Integer.getInteger("bench.snapshot.rounds", 3);

  /**
   * Delay of every response of the test cluster, in ms; {@code -Dbench.snapshot.latencyMs=0} by
   * default. The test cluster answers a page in about a millisecond, far faster than a real API
   * server; a latency shows how both sides fare against a server that takes its time. It delays
   * the plain list and umzug alike (umzug also waits for discovery and for the empty types).
   */
  private static final long LATENCY_MS = Long.getLong("bench.snapshot.latencyMs", 0);

  @TempDir Path tmp;

  @Test
  @DisplayName("snapshotting from a cluster runs at least at 0.8 of a plain paginated list")
  void snapshotAgainstPlainList() throws Exception {
    Path work = Files.isWritable(Path.of("/dev/shm")) ? Files.createTempDirectory(Path.of("/dev/shm"), "umzug-snap-") : tmp;
    var keys = KeyGenerator.generate(work.resolve("keys"), Instant.parse("2026-01-01T00:00:00Z"));
    ManifestSigner signer = new ManifestSigner(SigningKeys.readPair(work.resolve("keys").resolve(KeyGenerator.SIGNING_KEY_FILE)));
    try (TestCluster cluster = TestCluster.start()) {
      runSizes(cluster, work, keys, signer);
    } finally {
      if (!work.equals(tmp)) {
        deleteTree(work);
      }
    }
  }

  private void runSizes(TestCluster cluster, Path work, KeyGenerator.GeneratedKeys keys, ManifestSigner signer) throws Exception {
    int created = 0;
    KubernetesClient kube = cluster.client();
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build()).create();
    ClusterAccess access = cluster.access(work, "bench");
    cluster.latency(java.time.Duration.ofMillis(LATENCY_MS));
    System.out.printf(Locale.ROOT, "bench: test cluster latency %d ms per response%n", LATENCY_MS);
    for (int size : SIZES) {
      created = populate(cluster, created, size);
      // a warm-up round, then the measured rounds, each list, read and snapshot in turn: the
      // median of each stands, so one phase does not win or lose by another build's burst
      List<Double> listRates = new ArrayList<>();
      List<Double> readRates = new ArrayList<>();
      List<Double> snapRates = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      long peak = 0;
      long listed = 0;
      long objects = 0;
      long baseline = 0;
      for (int round = 0; round <= ROUNDS; round++) {
        System.gc();
        baseline = Math.max(baseline, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long t0 = System.nanoTime();
        listed = plainList(access);
        double listSeconds = (System.nanoTime() - t0) / 1e9;

        long tr = System.nanoTime();
        long[] read = {0};
        new ClusterObjectSource(access, ClusterSourceOptions.of(List.of("bench")).withRetries(0))
            .read(i -> read[0]++, p -> {});
        double readSeconds = (System.nanoTime() - tr) / 1e9;

        var store = LocalDirectoryStore.create(work.resolve("store-" + size + "-" + round));
        String id = "bench-" + size + "-" + round;
        SnapshotRun.Result result;
        double snapSeconds;
        try (HeapPeak heap = new HeapPeak()) {
          long t1 = System.nanoTime();
          var writer = SnapshotWriter.begin(store, id, signer, Instant.parse("2026-01-01T00:00:00Z"));
          result = new SnapshotRun(store, Set.of("bench"), List.of(keys.recipient()))
              .run(new ClusterObjectSource(access, ClusterSourceOptions.of(List.of("bench")).withRetries(0)), writer, id, f -> {});
          snapSeconds = (System.nanoTime() - t1) / 1e9;
          if (round > 0) {
            peak = Math.max(peak, heap.peak());
          }
        }
        assertThat(result.objects()).isGreaterThanOrEqualTo(size);
        objects = result.objects();
        deleteTree(store.root()); // /dev/shm has room for a few million files, not for every round
        if (round > 0) {
          listRates.add(listed / listSeconds);
          readRates.add(read[0] / readSeconds);
          snapRates.add(result.objects() / snapSeconds);
          ratios.add((result.objects() / snapSeconds) / (listed / listSeconds));
        }
      }
      double listRate = median(listRates);
      double snapRate = median(snapRates);
      System.out.printf(Locale.ROOT, "bench: %,d objects: plain paginated list %,.0f objects/s (median of %d)%n",
          listed, listRate, ROUNDS);
      System.out.printf(Locale.ROOT, "bench: %,d objects: reading the cluster only %,.0f objects/s%n",
          objects, median(readRates));
      System.out.printf(Locale.ROOT, "bench: %,d objects: snapshot             %,.0f objects/s, peak heap %d MiB (sampled; %d MiB of it in use before, after a GC: mock server and its store)%n",
          objects, snapRate, peak / 1048576, baseline / 1048576);
      System.out.printf(Locale.ROOT, "bench: %,d objects: snapshot / list rate %.2f (rounds %.2f to %.2f; aim: at least 0.80) -> %s%n",
          size, snapRate / listRate, java.util.Collections.min(ratios), java.util.Collections.max(ratios),
          snapRate / listRate >= 0.8 ? "aim met" : "aim MISSED");
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * Creates ConfigMaps up to {@code size}, straight in the test cluster's store (one POST each would
   * cost more per object the fuller the store is).
   */
  private static int populate(TestCluster cluster, int from, int size) {
    List<ConfigMap> configMaps = new ArrayList<>();
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

  /**
   * The most heap in use at once, sampled every 5 ms while it runs (the sum of each pool's own peak
   * would add peaks of different moments and can exceed -Xmx). Includes the mock server's store,
   * which lives in the same JVM.
   */
  private static final class HeapPeak implements AutoCloseable {
    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapPeak() {
      var memory = ManagementFactory.getMemoryMXBean();
      sampler = new Thread(() -> {
        while (running) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    long peak() {
      return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      sampler.join();
    }
  }
}
