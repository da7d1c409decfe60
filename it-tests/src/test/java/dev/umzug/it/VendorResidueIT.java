package dev.umzug.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.cli.Main;
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

/**
 * Converting the example application leaves no AWS annotation, class, provisioner, registry host or
 * node label in the output unless a finding on that object says why. The markers are written out
 * here from the vendor facts, independently of the provider profile, so that a gap in the profile
 * shows up as a failure instead of being hidden by it.
 */
class VendorResidueIT {

  static final Pattern AWS_MARKERS = Pattern.compile(String.join("|",
      "eks\\.amazonaws\\.com", "service\\.beta\\.kubernetes\\.io/aws-load-balancer-[a-z-]+",
      "alb\\.ingress\\.kubernetes\\.io/[a-z.-]+", "karpenter\\.sh/[a-z-]+", "karpenter\\.k8s\\.aws",
      "topology\\.k8s\\.aws/[a-z-]+", "topology\\.ebs\\.csi\\.aws\\.com", "ebs\\.csi\\.aws\\.com",
      "efs\\.csi\\.aws\\.com", "kubernetes\\.io/aws-ebs", "service\\.k8s\\.aws", "elbv2\\.k8s\\.aws",
      "\\.dkr\\.ecr\\.", "public\\.ecr\\.aws", "arn:aws:", "ingressClassName: alb\\b",
      "storageClassName: (gp2|gp3|io1|io2|st1|sc1)\\b", "amazonaws\\.com"));

  @TempDir Path tmp;

  @Test
  @DisplayName("every AWS marker left in the converted example is explained by a finding on its object")
  void noUnexplainedAwsResidue() throws IOException {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Main.run(new PrintWriter(stdout), new PrintWriter(stderr),
        "convert", "--plan", "../plans/eks-to-ionos/plan.yaml", "--out", out.toString(),
        "--report", report.toString(), "-q", "-o", "json");
    assertThat(code).as(stderr.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());

    List<String> unexplained = new ArrayList<>();
    for (JsonNode object : json.path("objects")) {
      if (!object.has("output")) {
        continue;
      }
      String text = Files.readString(out.resolve(object.path("output").asText()));
      Matcher m = AWS_MARKERS.matcher(text);
      while (m.find()) {
        String marker = m.group();
        if (!explained(json, object.path("object"), marker)) {
          unexplained.add(object.path("output").asText() + ": " + marker);
        }
      }
    }
    assertThat(unexplained).as("AWS markers without a finding that explains them").isEmpty();
  }

  /** A warning or worse on the same object whose message or remediation names the marker. */
  private static boolean explained(JsonNode report, JsonNode object, String marker) {
    String key = marker.replaceFirst("^(ingressClassName|storageClassName): ", "");
    for (JsonNode f : report.path("findings")) {
      if (f.path("object").equals(object) && !f.path("severity").asText().equals("info")
          && (f.path("message").asText().contains(key) || f.path("remediation").asText().contains(key))) {
        return true;
      }
    }
    return false;
  }

  @Test
  @DisplayName("every example plan converts without a failed object")
  void everyExampleConverts() throws IOException {
    try (Stream<Path> plans = Files.walk(Path.of("..", "plans"))) {
      for (Path plan : plans.filter(p -> p.getFileName().toString().equals("plan.yaml")).sorted().toList()) {
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("example-" + plan.getParent().getFileName());
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
            "convert", "--plan", plan.toString(), "--out", out.toString(), "-q");
        assertThat(code).as(plan + ": " + err).isIn(0, 3);
        assertThat(out).isDirectory();
      }
    }
  }
}
