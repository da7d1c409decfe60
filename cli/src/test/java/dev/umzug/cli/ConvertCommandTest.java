package dev.umzug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("umzug convert")
class ConvertCommandTest {

  static final Path EXAMPLE = Path.of("..", "plans", "eks-to-ionos", "app");
  static final Path EXAMPLE_PLAN = Path.of("..", "plans", "eks-to-ionos", "plan.yaml");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  namespace: shop\ndata:\n  k: v\n";

  @Nested
  @DisplayName("on the example application")
  class Example {

    @Test
    @DisplayName("writes one file per object, a report that accounts for every input object, and exits 0")
    void convertsTheExample() throws IOException {
      Path out = tmp.resolve("out");
      Path report = tmp.resolve("report.json");
      CliRun run = CliRun.of("convert", "--plan", EXAMPLE_PLAN.toString(), "--out", out.toString(),
          "--report", report.toString(), "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.err()).as(run.toString()).isEmpty();
      assertThat(run.out()).contains("converted", "FINDINGS");
      JsonNode json = JSON.readTree(report.toFile());
      long objects = json.path("summary").path("objects").asLong();
      assertThat(objects).isGreaterThan(15);
      assertThat(json.path("objects")).hasSize((int) objects);
      for (JsonNode o : json.path("objects")) {
        assertThat(o.path("status").asText()).isIn("converted", "dropped");
        if (o.path("status").asText().equals("converted")) {
          assertThat(out.resolve(o.path("output").asText())).exists();
        } else {
          assertThat(o.path("dropReasons")).isNotEmpty();
        }
      }
      try (Stream<Path> files = Files.walk(out)) {
        assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(json.path("summary").path("converted").asLong());
      }
    }

    @Test
    @DisplayName("gives byte-identical files and report when run twice")
    void deterministic() throws IOException {
      List<String> first = convertTwiceSnapshot("a");
      List<String> second = convertTwiceSnapshot("b");
      assertThat(second).isEqualTo(first);
    }

    private List<String> convertTwiceSnapshot(String name) throws IOException {
      Path out = tmp.resolve(name);
      Path report = tmp.resolve(name + ".json");
      CliRun run = CliRun.of("convert", "--from", EXAMPLE.toString(), "--source-provider", "aws-eks",
          "--target-provider", "ionos", "--out", out.toString(), "--report", report.toString(), "-q", "-o", "json");
      assertThat(run.exitCode()).as(run.toString()).isIn(0, 3);
      List<String> snapshot = new ArrayList<>();
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          snapshot.add(out.relativize(f) + "\n" + Files.readString(f));
        }
      }
      snapshot.add(Files.readString(report).replace(out.toString(), "OUT"));
      snapshot.add(run.out().replace(out.toString(), "OUT"));
      return snapshot;
    }

    @Test
    @DisplayName("prints the report as JSON on stdout with -o json")
    void json() throws IOException {
      CliRun run = CliRun.of("convert", "--plan", EXAMPLE_PLAN.toString(), "--out", tmp.resolve("o").toString(), "-o", "json", "-q");
      JsonNode json = JSON.readTree(run.out());
      assertThat(json.path("kind").asText()).isEqualTo("ConversionReport");
      assertThat(json.path("source").path("provider").asText()).isEqualTo("aws-eks");
    }

    @Test
    @DisplayName("prints Markdown tables with -o markdown")
    void markdown() {
      CliRun run = CliRun.of("convert", "--plan", EXAMPLE_PLAN.toString(), "--out", tmp.resolve("o").toString(), "-o", "markdown", "-q");
      assertThat(run.out()).contains("## Objects", "| object | status |", "## Findings", "## Summary");
    }
  }

  @Nested
  @DisplayName("on the example plan that renames a namespace")
  class Rename {

    static final Path DRILL_PLAN = Path.of("..", "plans", "ovhcloud-to-stackit-drill", "plan.yaml");

    @Test
    @DisplayName("writes the objects under the new namespace, with Service hosts pointing at it, and"
        + " reports the rewrite")
    void followsTheRename() throws IOException {
      Path out = tmp.resolve("out");
      Path report = tmp.resolve("report.json");
      CliRun run = CliRun.of("convert", "--plan", DRILL_PLAN.toString(), "--out", out.toString(),
          "--report", report.toString(), "-q");
      assertThat(run.exitCode()).as(run.toString()).isIn(0, 3);
      assertThat(out.resolve("namespaces/portal")).doesNotExist();
      String web = Files.readString(out.resolve("namespaces/portal-drill/deployment.apps_portal-web.yaml"));
      assertThat(web)
          .contains("namespace: portal-drill", "http://portal-api.portal-drill.svc.cluster.local:8080")
          .doesNotContain(".portal.svc");
      JsonNode json = JSON.readTree(report.toFile());
      assertThat(json.path("findings").findValuesAsText("rule")).contains("namespace/rewrite-service-hosts");
    }
  }

  @Nested
  @DisplayName("with bad input")
  class BadInput {

    @Test
    @DisplayName("an unknown provider is a usage error naming the known ones, on stderr only")
    void unknownProvider() {
      CliRun run = CliRun.of("convert", "--from", EXAMPLE.toString(), "--source-provider", "aws-eks",
          "--target-provider", "nope", "--out", tmp.resolve("o").toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().strip()).startsWith("umzug: error: unknown provider 'nope'; known providers:").contains("ionos").doesNotContain("\n");
      assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    @DisplayName("a missing manifests directory is a usage error naming the path")
    void missingDirectory() {
      CliRun run = CliRun.of("convert", "--from", tmp.resolve("nothing-here").toString(), "--source-provider", "aws-eks",
          "--target-provider", "ionos", "--out", tmp.resolve("o").toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("nothing-here").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a file that does not parse is a finding; the rest converts and the exit code is 5")
    void brokenYaml() throws IOException {
      Path in = tmp.resolve("in");
      write(in.resolve("a.yaml"), CONFIG_MAP.formatted("good"));
      write(in.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n");
      Path out = tmp.resolve("out");
      CliRun run = CliRun.of("convert", "--from", in.toString(), "--source-provider", "aws-eks",
          "--target-provider", "ionos", "--out", out.toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
      assertThat(run.out()).contains("b.yaml#0", "does not parse");
      assertThat(out.resolve("namespaces/shop/configmap_good.yaml")).exists();
    }

    @Test
    @DisplayName("a binary file and an empty file are findings, not crashes")
    void binaryAndEmpty() throws IOException {
      Path in = tmp.resolve("in");
      Files.createDirectories(in);
      Files.write(in.resolve("image.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, (byte) 0xff});
      write(in.resolve("empty.yaml"), "");
      write(in.resolve("ok.yaml"), CONFIG_MAP.formatted("ok"));
      CliRun run = CliRun.of("convert", "--from", in.toString(), "--source-provider", "aws-eks",
          "--target-provider", "ionos", "--out", tmp.resolve("out").toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
      assertThat(run.out()).contains("file is binary", "file holds no Kubernetes objects");
      assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    @DisplayName("a non-empty output directory is left alone unless --overwrite is given")
    void refusesToOverwrite() throws IOException {
      Path out = tmp.resolve("out");
      write(out.resolve("keep.txt"), "mine");
      CliRun run = CliRun.of("convert", "--from", EXAMPLE.toString(), "--source-provider", "aws-eks",
          "--target-provider", "ionos", "--out", out.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("not empty", "--overwrite");
      assertThat(out.resolve("keep.txt")).hasContent("mine");
      CliRun again = CliRun.of("convert", "--plan", EXAMPLE_PLAN.toString(), "--out", out.toString(), "--overwrite", "-q");
      assertThat(again.exitCode()).as(again.toString()).isZero();
      assertThat(out.resolve("keep.txt")).doesNotExist();
    }

    @Test
    @DisplayName("an output path that is a file is a usage error")
    void outputIsAFile() throws IOException {
      Path out = tmp.resolve("file");
      write(out, "x");
      CliRun run = CliRun.of("convert", "--plan", EXAMPLE_PLAN.toString(), "--out", out.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("not a directory");
    }

    @Test
    @DisplayName("missing options name what is missing")
    void missingOptions() {
      CliRun run = CliRun.of("convert", "--from", EXAMPLE.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("missing --source-provider");
    }

    @Test
    @DisplayName("an unknown option is a usage error")
    void unknownOption() {
      CliRun run = CliRun.of("convert", "--frm", "x");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Unknown option", "--help");
    }

    @Test
    @DisplayName("--stacktrace adds the stack trace; without it there is none")
    void stacktrace() {
      String[] args = {"convert", "--from", tmp.resolve("none").toString(), "--source-provider", "aws-eks",
          "--target-provider", "ionos", "--out", tmp.resolve("o").toString()};
      assertThat(CliRun.of(args).err()).doesNotContain("\tat ");
      String[] withTrace = Stream.concat(Stream.of(args), Stream.of("--stacktrace")).toArray(String[]::new);
      assertThat(CliRun.of(withTrace).err()).contains("\tat ");
    }
  }
}
