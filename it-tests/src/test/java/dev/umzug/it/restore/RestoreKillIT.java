package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.it.cluster.TestCluster;
import dev.umzug.it.restore.Drill.Run;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code umzug restore} with SIGKILL at seeded-random points, runs it again to completion and
 * proves the target with {@code umzug verify}. The restore runs as a child JVM; this JVM hosts the
 * source and target clusters, so they outlive every kill. Each round restores to a fresh target.
 *
 * <p>{@code -Dkill.seed=N} repeats a run (the seed is printed), {@code -Dkill.rounds=N} sets the
 * rounds, {@code -Dkill.latency.ms=N} the target's latency per request, {@code -Dkill.child.jvm="..."}
 * adds options to the restore's JVM (e.g. a flight recording).
 */
class RestoreKillIT {

  private static final long SEED = Long.getLong("kill.seed", System.nanoTime());
  private static final int ROUNDS = Integer.getInteger("kill.rounds", 5);
  private static final Duration LATENCY = Duration.ofMillis(Long.getLong("kill.latency.ms", 20));
  private static final int MAX_KILLS_PER_ROUND = 3;
  private static final int EARLY_LINES = 10;
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
  private static final String SNAPSHOT = "s1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  @DisplayName("a restore killed at random points and run again completes, verifies, and never applies an object"
      + " twice with different content")
  void killedRestoresResumeAndVerify() throws Exception {
    System.out.printf(Locale.ROOT, "kill: seed %d (repeat with -Dkill.seed=%d), %d rounds, latency %d ms%n", SEED,
        SEED, ROUNDS, LATENCY.toMillis());
    Random random = new Random(SEED);
    List<Kill> kills = new ArrayList<>();
    int finishedFirst = 0;
    long resumedSkips = 0;
    long settledAfterKill = 0;
    // the plan's default conflict policy, fail: the strictest about what a rerun finds on the target
    try (Drill drill = new Drill(tmp, "")) {
      drill.includeNamespaces("billing", "catalog");
      populate(drill.source.client(), "billing", 40, 25, 20, 15);
      populate(drill.source.client(), "catalog", 40, 25, 20, 15);
      drill.snapshot(SNAPSHOT);

      // an uninterrupted run: how long the journal of a whole restore is, and how long it takes
      long fullLines;
      try (TestCluster target = TestCluster.start().latency(LATENCY)) {
        drill.retarget(target);
        long t0 = System.nanoTime();
        Child whole = Child.start(drill, tmp.resolve("calibration"));
        double firstEntry = whole.timeToLine(drill.journal(SNAPSHOT), 2);
        assertThat(whole.waitFor()).as(whole.err()).isZero();
        fullLines = Journal.read(drill.journal(SNAPSHOT)).lines();
        System.out.printf(Locale.ROOT, "kill: an uninterrupted restore takes %.1f s (first journal entry after %.1f s)"
            + " and writes %d journal lines%n", (System.nanoTime() - t0) / 1e9, firstEntry, fullLines);
      }

      for (int round = 1; round <= ROUNDS; round++) {
        Files.deleteIfExists(drill.journal(SNAPSHOT));
        try (TestCluster target = TestCluster.start().latency(LATENCY)) {
          drill.retarget(target);
          int planned = 1 + random.nextInt(MAX_KILLS_PER_ROUND);
          for (int k = 1; k <= planned; k++) {
            Journal before = Journal.read(drill.journal(SNAPSHOT));
            // lines this run would still write: a STARTED and a result for every object not applied yet
            long expected = Math.max(before.lines(), 1) + 2 * (before.total(fullLines) - before.applied().size());
            if (expected - before.lines() < 2) {
              break;
            }
            // one kill in four lands within the next few lines, where a run starts applying (a fresh
            // start's namespaces, a rerun's first re-applies) and resuming is most delicate
            long span = random.nextInt(4) == 0 ? Math.min(EARLY_LINES, expected - before.lines() - 1)
                : expected - before.lines() - 1;
            long at = before.lines() + 1 + (long) (random.nextDouble() * span);
            Child child = Child.start(drill, tmp.resolve("round-" + round + "-kill-" + k));
            boolean landed = child.killAtLine(drill.journal(SNAPSHOT), at);
            if (!landed) {
              finishedFirst++;
              break;
            }
            Kill kill = Kill.of(round, k, at, Journal.read(drill.journal(SNAPSHOT)));
            kills.add(kill);
            System.out.println("kill: " + kill);
          }

          Journal beforeRerun = Journal.read(drill.journal(SNAPSHOT));
          Child rerun = Child.start(drill, tmp.resolve("round-" + round + "-rerun"));
          int code = rerun.waitFor();
          assertThat(code).as("round %d: the rerun after the kills\n%s%s", round, rerun.err(), problems(rerun.out()))
              .isZero();
          JsonNode counts = JSON.readTree(rerun.out()).path("counts");
          assertThat(counts.path("already-applied").asInt())
              .as("round %d: objects the journal recorded as applied are not sent again", round)
              .isEqualTo(beforeRerun.applied().size());
          assertThat(counts.path("failed").asInt() + counts.path("not-attempted").asInt()).isZero();
          resumedSkips += counts.path("already-applied").asInt();
          settledAfterKill += counts.path("unchanged").asInt();

          Journal after = Journal.read(drill.journal(SNAPSHOT));
          assertThat(after.conflicts()).as("round %d: objects applied with two contents", round).isEmpty();
          assertThat(after.createdTwice()).as("round %d: objects created twice", round).isEmpty();
          assertThat(after.unresolved()).as("round %d: applies whose result the journal lacks", round).isEmpty();

          target.latency(Duration.ZERO);
          Run verify = drill.verify(SNAPSHOT);
          assertThat(verify.code()).as("round %d: verify\n%s%s", round, verify.err(), verify.out()).isZero();
        }
      }
    }
    summarize(kills, finishedFirst, resumedSkips, settledAfterKill);
    assertThat(kills).hasSizeGreaterThanOrEqualTo(ROUNDS);
  }

  /** What a restore report says went wrong: objects not on the target, gates that did not pass. */
  private static String problems(String report) throws IOException {
    if (report.isBlank()) {
      return "(no report)";
    }
    JsonNode root = JSON.readTree(report);
    StringBuilder out = new StringBuilder(root.path("stoppedBecause").asText("")).append('\n');
    for (JsonNode o : root.path("objects")) {
      if (!Set.of("created", "unchanged", "already-applied").contains(o.path("outcome").asText())) {
        out.append(o.path("ref")).append(' ').append(o.path("outcome").asText()).append(": ")
            .append(o.path("reason").asText()).append('\n');
      }
    }
    for (JsonNode g : root.path("gates")) {
      if (!Set.of("passed", "not-applicable").contains(g.path("status").asText())) {
        out.append("gate ").append(g).append('\n');
      }
    }
    root.path("findings").forEach(f -> out.append(f).append('\n'));
    return out.toString();
  }

  private static void summarize(List<Kill> kills, int finishedFirst, long resumedSkips, long settledAfterKill) {
    Map<String, Integer> bySteps = new TreeMap<>();
    int midApply = 0;
    int beforeFirstApply = 0;
    for (Kill k : kills) {
      bySteps.merge(k.step(), 1, Integer::sum);
      midApply += k.inFlight() > 0 ? 1 : 0;
      beforeFirstApply += k.lines() <= 1 ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "kill: %d kills in %d rounds (seed %d), every rerun completed and verified%n",
        kills.size(), ROUNDS, SEED);
    System.out.printf(Locale.ROOT, "kill: %d with applies in flight, %d between applies, %d before the first apply;"
        + " %d runs finished before their kill%n", midApply, kills.size() - midApply - beforeFirstApply,
        beforeFirstApply, finishedFirst);
    System.out.println("kill: last journal entry's step at the kill: " + bySteps);
    System.out.printf(Locale.ROOT, "kill: reruns skipped %d objects as already-applied and found %d whose apply"
        + " a kill interrupted unchanged on the target%n", resumedSkips, settledAfterKill);
  }

  /** Where a kill landed, read from the journal the killed process left. */
  record Kill(int round, int number, long planned, long lines, String step, int inFlight) {
    static Kill of(int round, int number, long planned, Journal j) {
      return new Kill(round, number, planned, j.lines(), j.lastStep(), j.unresolved().size());
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "round %d kill %d: planned at journal line %d, landed at line %d (step %s,"
          + " %d applies in flight)", round, number, planned, lines, step, inFlight);
    }
  }

  /** A restore in a child JVM, its output in files. */
  record Child(Process process, Path outFile, Path errFile) {

    static Child start(Drill drill, Path dir) throws IOException {
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
      String extra = System.getProperty("kill.child.jvm", "");
      if (!extra.isBlank()) {
        command.addAll(Arrays.asList(extra.strip().split("\\s+")));
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.umzug.cli.Main"));
      command.addAll(Arrays.asList(drill.restoreArgs(SNAPSHOT, "-o", "json")));
      Path out = dir.resolve("stdout");
      Path err = dir.resolve("stderr");
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
          .redirectError(err.toFile()).start();
      return new Child(p, out, err);
    }

    int waitFor() throws InterruptedException {
      if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("restore did not finish within " + RUN_TIMEOUT + "\n" + err());
      }
      return process.exitValue();
    }

    /**
     * Kills the process with SIGKILL as soon as the journal has {@code line} lines; false when the
     * process exited first.
     */
    boolean killAtLine(Path journal, long line) throws IOException, InterruptedException {
      try (LineCounter lines = new LineCounter(journal)) {
        poll(() -> !process.isAlive() || lines.count() >= line);
      }
      if (!process.isAlive()) {
        assertThat(process.exitValue()).as(err()).isZero();
        return false;
      }
      process.destroyForcibly();
      assertThat(process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      return true;
    }

    /** Seconds from now until the journal has {@code line} lines. */
    double timeToLine(Path journal, long line) throws IOException {
      long t0 = System.nanoTime();
      try (LineCounter lines = new LineCounter(journal)) {
        poll(() -> !process.isAlive() || lines.count() >= line);
      }
      return (System.nanoTime() - t0) / 1e9;
    }

    String out() throws IOException {
      return Files.readString(outFile);
    }

    String err() {
      try {
        return Files.readString(errFile);
      } catch (IOException e) {
        return "(no stderr: " + e + ")";
      }
    }

    /** Polls every millisecond until the condition holds; fails after {@link #RUN_TIMEOUT}. */
    private void poll(BooleanSupplier condition) {
      long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new AssertionError("restore made no progress within " + RUN_TIMEOUT + "\n" + err());
        }
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  /** Counts the lines of a growing file, reading only what was appended since the last count. */
  static final class LineCounter implements AutoCloseable {
    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private FileChannel channel;
    private long lines;

    LineCounter(Path file) {
      this.file = file;
    }

    long count() {
      try {
        if (channel == null) {
          if (!Files.exists(file)) {
            return 0;
          }
          channel = FileChannel.open(file);
        }
        while (true) {
          buffer.clear();
          int n = channel.read(buffer);
          if (n <= 0) {
            return lines;
          }
          for (int i = 0; i < n; i++) {
            lines += buffer.get(i) == '\n' ? 1 : 0;
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** The journal as the test reads it: complete lines of {@code JSON TAB checksum}, header first. */
  record Journal(long lines, List<JsonNode> entries) {

    static Journal read(Path file) throws IOException {
      if (!Files.exists(file)) {
        return new Journal(0, List.of());
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<JsonNode> entries = new ArrayList<>();
      String[] lines = text.split("\n", -1);
      long complete = lines.length - 1; // a torn last line has no LF
      for (int i = 1; i < complete; i++) {
        entries.add(JSON.readTree(lines[i].substring(0, lines[i].lastIndexOf('\t'))));
      }
      return new Journal(complete, entries);
    }

    /** Objects a whole restore applies, from the journal length of an uninterrupted run. */
    long total(long fullLines) {
      return (fullLines - 1) / 2;
    }

    /** Objects with a result saying their content is on the target. */
    Set<String> applied() {
      Set<String> out = new HashSet<>();
      for (JsonNode e : entries) {
        if (Set.of("CREATED", "UPDATED", "UNCHANGED").contains(e.path("outcome").asText())) {
          out.add(e.path("ref").toString());
        }
      }
      return out;
    }

    /** STARTED entries with no later result for the same object. */
    Set<String> unresolved() {
      Set<String> open = new HashSet<>();
      for (JsonNode e : entries) {
        if (e.path("outcome").asText().equals("STARTED")) {
          open.add(e.path("ref").toString());
        } else {
          open.remove(e.path("ref").toString());
        }
      }
      return open;
    }

    /** Objects for which entries that may have applied name more than one digest. */
    Set<String> conflicts() {
      Map<String, Set<String>> digests = new HashMap<>();
      for (JsonNode e : entries) {
        if (!Set.of("SKIPPED", "FAILED").contains(e.path("outcome").asText())) {
          digests.computeIfAbsent(e.path("ref").toString(), k -> new HashSet<>()).add(e.path("digest").asText());
        }
      }
      digests.values().removeIf(d -> d.size() == 1);
      return digests.keySet();
    }

    /** Objects with more than one CREATED entry. */
    Set<String> createdTwice() {
      Set<String> seen = new HashSet<>();
      Set<String> twice = new HashSet<>();
      for (JsonNode e : entries) {
        if (e.path("outcome").asText().equals("CREATED") && !seen.add(e.path("ref").toString())) {
          twice.add(e.path("ref").toString());
        }
      }
      return twice;
    }

    String lastStep() {
      return entries.isEmpty() ? "(none: before the first apply)" : entries.get(entries.size() - 1).path("step").asText();
    }
  }

  /** ConfigMaps, Secrets, Deployments that mount them, and Services, in a new namespace of the source. */
  private static void populate(KubernetesClient source, String ns, int configMaps, int secrets, int deployments,
      int services) {
    source.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    for (int i = 0; i < configMaps; i++) {
      source.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("config-" + i)
          .addToLabels("app", "svc-" + i % deployments).endMetadata()
          .addToData("application.properties", "server.port=8080\nindex=" + i).build()).create();
    }
    for (int i = 0; i < secrets; i++) {
      String password = java.util.Base64.getEncoder().encodeToString((ns + "-password-" + i).getBytes(StandardCharsets.UTF_8));
      source.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("secret-" + i)
          .endMetadata().addToData("password", password).build()).create();
    }
    for (int i = 0; i < deployments; i++) {
      String app = "svc-" + i;
      source.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder().withNewMetadata().withName(app)
          .addToLabels("app", app).endMetadata().withNewSpec().withReplicas(2).withNewSelector()
          .addToMatchLabels("app", app).endSelector().withNewTemplate().withNewMetadata().addToLabels("app", app)
          .endMetadata().withNewSpec().addNewContainer().withName(app)
          .withImage("123456789012.dkr.ecr.eu-central-1.amazonaws.com/" + ns + "/" + app + ":1.0." + i)
          .addNewEnvFrom().withNewConfigMapRef().withName("config-" + i).endConfigMapRef().endEnvFrom()
          .addNewVolumeMount().withName("secret").withMountPath("/etc/secret").endVolumeMount().endContainer()
          .addNewVolume().withName("secret").withNewSecret().withSecretName("secret-" + i % secrets).endSecret()
          .endVolume().endSpec().endTemplate().endSpec().build()).create();
    }
    for (int i = 0; i < services; i++) {
      source.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("svc-" + i)
          .endMetadata().withNewSpec().addToSelector("app", "svc-" + i).addNewPort().withName("http").withPort(80)
          .withNewTargetPort(8080).endPort().endSpec().build()).create();
    }
  }
}
