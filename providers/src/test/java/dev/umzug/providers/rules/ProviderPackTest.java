package dev.umzug.providers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.testing.RewriteCase;
import dev.umzug.engine.testing.RewriteCaseAssert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Every provider pack case under rules/")
class ProviderPackTest {

  private static final Registry REGISTRY = Registry.load();

  /** The targets every aws-eks pack must cover, each with the same set of cases. */
  private static final List<String> TARGETS =
      List.of("ionos", "ovhcloud", "stackit", "scaleway", "hetzner", "otc", "exoscale", "openstack", "k3s");

  private static final List<String> REQUIRED_CASES =
      List.of(
          "storage-gp3", "lb-internal", "lb-proxy-protocol", "ingress-alb", "registry-ecr",
          "nodes-pool", "snapshot-class");

  /**
   * The targets every gcp-gke and azure-aks pack must cover. ionos is left out: its gcp-gke and
   * azure-aks cases predate these names (storage-tiers, ingress-gce, nodes-gke, ...).
   */
  private static final List<String> HYPERSCALER_TARGETS =
      List.of("ovhcloud", "stackit", "scaleway", "hetzner", "otc", "exoscale", "openstack", "k3s");

  private static final List<String> HYPERSCALER_SOURCES = List.of("gcp-gke", "azure-aks");

  private static final List<String> HYPERSCALER_CASES =
      List.of("storage-class", "lb-internal", "ingress", "registry", "nodes-pool", "identity");

  static List<RewriteCase> cases() {
    return PackCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("rewrites each case as its expected output says, with the expected findings")
  void rewritesCase(RewriteCase c) {
    String pair = PackCases.ROOT.relativize(c.dir()).getName(0).toString();
    assertThat(pair).as("case %s lies under its <source>-to-<target> directory", c.dir())
        .isEqualTo(c.source() + "-to-" + c.target());
    assertThat(c.ruleIds()).as("case %s names the rules it concerns", c.dir()).isNotEmpty();
    RewriteCaseAssert.check(c, REGISTRY);
  }

  @Test
  @DisplayName("every target has the core aws-eks cases: storage, internal LB, PROXY protocol, ALB, ECR, node pool, snapshots")
  void everyTargetHasTheCoreCases() {
    for (String target : TARGETS) {
      Path dir = PackCases.ROOT.resolve("aws-eks-to-" + target);
      for (String name : REQUIRED_CASES) {
        String prefix = name;
        assertThat(list(dir))
            .as("aws-eks-to-%s has a case %s*", target, prefix)
            .anyMatch(d -> d.getFileName().toString().startsWith(prefix));
      }
    }
  }

  @Test
  @DisplayName(
      "every target except ionos has the core gcp-gke and azure-aks cases: storage class, internal LB,"
          + " ingress, registry, node pool, workload identity (ionos has its own, differently named cases)")
  void everyTargetHasTheCoreGkeAndAksCases() {
    for (String source : HYPERSCALER_SOURCES) {
      for (String target : HYPERSCALER_TARGETS) {
        Path dir = PackCases.ROOT.resolve(source + "-to-" + target);
        for (String name : HYPERSCALER_CASES) {
          assertThat(list(dir))
              .as("%s-to-%s has a case %s", source, target, name)
              .anyMatch(d -> d.getFileName().toString().equals(name)
                  && Files.isRegularFile(d.resolve("case.yaml"))
                  && Files.isRegularFile(d.resolve("findings.yaml")));
        }
      }
    }
  }

  @Test
  @DisplayName("running every case twice gives byte-identical output and findings")
  void isDeterministic() {
    for (RewriteCase c : cases()) {
      RewriteCase.Result first = c.run(Registry.load());
      RewriteCase.Result second = c.run(Registry.load());
      assertThat(second.keptYaml()).as(c.name()).isEqualTo(first.keptYaml());
      assertThat(second.findings().toString()).as(c.name()).isEqualTo(first.findings().toString());
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
