package dev.umzug.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.cli.Main;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.spi.ProviderProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Converting any example application to any target leaves no source-vendor annotation, class,
 * provisioner, registry host or node label in the output unless a finding on that object says why.
 */
class VendorResidueIT {

  private static final Path PLANS = Path.of("..", "plans");

  @TempDir Path tmp;

  static List<Path> examplePlans() throws IOException {
    try (Stream<Path> walk = Files.walk(PLANS)) {
      return walk.filter(p -> p.getFileName().toString().equals("plan.yaml")).sorted().toList();
    }
  }

  /** Every example application, converted without the plan's mappings, to every other provider. */
  static Stream<Arguments> examplesAndTargets() throws IOException {
    Registry registry = Registry.load();
    List<Arguments> cases = new ArrayList<>();
    for (Path planFile : examplePlans()) {
      MigrationPlan plan = PlanLoader.load(planFile);
      if (plan.source().manifests().isEmpty() || VendorMarkers.of(plan.sourceProvider()).isEmpty()) {
        continue;
      }
      for (ProviderProfile target : registry.profiles()) {
        if (!target.id().equals(plan.sourceProvider())) {
          cases.add(Arguments.of(planFile.getParent().getFileName().toString(), plan.sourceProvider(),
              target.id(), plan.source().manifests().get().path()));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "the {0} app from {1} to {2}")
  @MethodSource("examplesAndTargets")
  @DisplayName("every source-vendor marker left in the output is explained by a finding on its object")
  void noUnexplainedResidue(String example, String source, String target, Path app) throws IOException {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        "convert", "--from", app.toString(), "--source-provider", source, "--target-provider", target,
        "--out", out.toString(), "--report", report.toString(), "-q");
    assertThat(code).as(err.toString()).isIn(0, 3);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    Pattern markers = VendorMarkers.of(source).orElseThrow();

    List<String> unexplained = new ArrayList<>();
    for (JsonNode object : json.path("objects")) {
      if (!object.has("output")) {
        continue;
      }
      String text = Files.readString(out.resolve(object.path("output").asText()));
      Matcher m = markers.matcher(text);
      while (m.find()) {
        String marker = m.group().strip();
        if (!explained(json, object.path("object"), marker)) {
          unexplained.add(object.path("output").asText() + ": " + marker);
        }
      }
    }
    assertThat(unexplained).as("%s markers without a finding that explains them", source).isEmpty();
  }

  /** A finding on the same object whose message or remediation names the marker. */
  private static boolean explained(JsonNode report, JsonNode object, String marker) {
    String key = marker.replaceFirst("^(ingressClassName|storageClassName): ", "").replaceFirst("^[/\"]", "");
    for (JsonNode f : report.path("findings")) {
      if (f.path("object").equals(object)
          && (f.path("message").asText().contains(key) || f.path("remediation").asText().contains(key))) {
        return true;
      }
    }
    return false;
  }

  @Test
  @DisplayName("every example plan converts as planned, without a failed object")
  void everyExampleConverts() throws IOException {
    for (Path plan : examplePlans()) {
      StringWriter err = new StringWriter();
      Path out = tmp.resolve("example-" + plan.getParent().getFileName());
      Path report = tmp.resolve("example-" + plan.getParent().getFileName() + ".json");
      int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
          "convert", "--plan", plan.toString(), "--out", out.toString(), "--report", report.toString(), "-q");
      assertThat(code).as(plan + ": " + err).isIn(0, 3);
      JsonNode summary = new ObjectMapper().readTree(report.toFile()).path("summary");
      assertThat(summary.path("failed").asLong()).as(plan.toString()).isZero();
      assertThat(summary.path("findings").path("error").asLong()).as(plan.toString()).isZero();
      assertThat(out).isDirectory();
    }
  }
}
