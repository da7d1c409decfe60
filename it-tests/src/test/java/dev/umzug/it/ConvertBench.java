package dev.umzug.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.convert.ConvertRequest;
import dev.umzug.engine.convert.ConvertSummary;
import dev.umzug.engine.convert.Converter;
import dev.umzug.engine.convert.OutputLayout;
import dev.umzug.engine.convert.StagedOutput;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.source.ManifestDirectorySource;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.ResourceView;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converts 100,000 generated EKS objects with every rule loaded and compares the rate with merely
 * parsing and writing the same objects through the same reader and writer, in the same run. Run with
 * {@code ./mvnw -pl it-tests -am -Pbench verify -Dbench.objects=100000} (the profile sets -Xmx256m).
 */
class ConvertBench {

  private static final int OBJECTS = Integer.getInteger("bench.objects", 100_000);
  private static final int PER_FILE = 100;
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

  @Test
  @DisplayName("converting costs at most twice parsing and writing the same objects")
  void convertAgainstParseAndWrite(@TempDir Path defaultDir) throws IOException {
    Path tmp = workDir(defaultDir);
    System.out.println("bench: working in " + tmp);
    Path input = tmp.resolve("in");
    long bytes = Workload.generate(input, OBJECTS, PER_FILE);
    System.out.printf(Locale.ROOT, "bench: %d objects in %d files, %.1f MiB, max heap %d MiB%n",
        OBJECTS, OBJECTS / PER_FILE, bytes / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);

    Registry registry = Registry.load();
    // warm-up on a tenth, so both measurements run on compiled code
    Path warm = tmp.resolve("warm");
    Workload.generate(warm, Math.max(1000, OBJECTS / 10), PER_FILE);
    baseline(warm, tmp.resolve("warm-base"));
    convert(registry, warm, tmp.resolve("warm-out"), new ConvertListener() {});

    // interleaved rounds, best of each: writing 100,000 small files is at the mercy of the page
    // cache, so one phase can slow the next; the best round is the fairest figure for both
    double baseSeconds = Double.MAX_VALUE;
    double convertSeconds = Double.MAX_VALUE;
    long baseCount = 0;
    long basePeak = 0;
    long convertPeak = 0;
    ConvertSummary summary = null;
    LiveHeap live = new LiveHeap();
    for (int round = 0; round < ROUNDS; round++) {
      resetPeaks();
      long t0 = System.nanoTime();
      baseCount = baseline(input, tmp.resolve("base-" + round));
      baseSeconds = Math.min(baseSeconds, (System.nanoTime() - t0) / 1e9);
      basePeak = Math.max(basePeak, peakHeap());
      deleteTree(tmp.resolve("base-" + round));

      resetPeaks();
      long t1 = System.nanoTime();
      summary = convert(registry, input, tmp.resolve("out-" + round), live);
      convertSeconds = Math.min(convertSeconds, (System.nanoTime() - t1) / 1e9);
      convertPeak = Math.max(convertPeak, peakHeap());
      deleteTree(tmp.resolve("out-" + round));
      System.out.printf(Locale.ROOT, "bench: round %d done%n", round + 1);
    }

    double baseRate = baseCount / baseSeconds;
    double convertRate = summary.objects() / convertSeconds;
    double ratio = convertSeconds / baseSeconds;
    System.out.printf(Locale.ROOT, "bench: parse+write baseline: %,.0f objects/s (best of rounds %.2f s, peak heap %d MiB)%n",
        baseRate, baseSeconds, basePeak / 1048576);
    System.out.printf(Locale.ROOT, "bench: convert, %d rules:    %,.0f objects/s (best of rounds %.2f s, peak heap %d MiB)%n",
        summary.rules().size(), convertRate, convertSeconds, convertPeak / 1048576);
    System.out.printf(Locale.ROOT, "bench: live heap after GC while converting: at most %d MiB (sampled every 5,000 objects)%n",
        live.max / 1048576);
    System.out.printf(Locale.ROOT, "bench: convert / baseline time ratio %.2f (aim: at most 2.00) -> %s%n",
        ratio, ratio <= 2.0 ? "aim met" : "aim MISSED");
    System.out.printf(Locale.ROOT, "bench: %d converted, %d dropped, %d failed, %d findings%n",
        summary.converted(), summary.dropped(), summary.failed(), summary.totalFindings());

    if (!tmp.startsWith(defaultDir)) {
      deleteTree(tmp);
    }
    assertThat(summary.objects()).isEqualTo(OBJECTS);
    assertThat(summary.failed()).isZero();
  }

  private static long baseline(Path input, Path out) throws IOException {
    long[] count = {0};
    try (StagedOutput output = StagedOutput.open(out, false)) {
      new ManifestDirectorySource(input)
          .read(item -> {
            count[0]++;
            output.write(OutputLayout.pathOf(ResourceView.of(item.object(), item.location()).ref()), item.object());
          }, problem -> {});
      output.commit();
    }
    return count[0];
  }

  /** Samples the heap still in use after the last collection, the figure that shows streaming. */
  static final class LiveHeap implements ConvertListener {
    long max;
    long seen;

    @Override
    public void onObject(dev.umzug.engine.rewrite.ObjectOutcome outcome, String outputPath) {
      if (++seen % 5000 == 0) {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
            sum += pool.getCollectionUsage().getUsed();
          }
        }
        max = Math.max(max, sum);
      }
    }
  }

  private static ConvertSummary convert(Registry registry, Path input, Path out, ConvertListener listener) {
    ConvertRequest request =
        new ConvertRequest(
            new ManifestDirectorySource(input), registry.profile("aws-eks"), registry.profile("ionos"),
            new Mappings(Map.of("gp3", "ionos-enterprise-ssd"), Map.of(),
                Map.of("123456789012.dkr.ecr.eu-central-1.amazonaws.com", "shop.cr.de-fra.ionos.com"),
                Map.of(), Map.of(), Map.of()),
            Set.of(), registry.rules(), out, false);
    return new Converter().run(request, listener);
  }

  /**
   * Where the files go: memory-backed /dev/shm where there is one, so that both phases measure
   * umzug and not the disk's write-back (which varied by a factor of three between identical runs
   * on the build machine); -Dbench.dir overrides it.
   */
  private static Path workDir(Path fallback) throws IOException {
    String configured = System.getProperty("bench.dir");
    Path shm = Path.of("/dev/shm");
    Path base = configured != null ? Path.of(configured)
        : Files.isDirectory(shm) && Files.isWritable(shm) ? shm : fallback;
    return Files.createTempDirectory(base, "umzug-bench-");
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void resetPeaks() {
    System.gc();
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
