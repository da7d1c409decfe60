package dev.umzug.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example plan under {@code plans/} must load, so that examples cannot rot. */
class PlanExamplesTest {

  /** Surefire runs in the engine module's directory; the examples sit beside it. */
  private static final Path PLANS = Path.of("..", "plans");

  static List<Path> examplePlans() throws IOException {
    try (Stream<Path> files = Files.walk(PLANS)) {
      return files.filter(p -> p.getFileName().toString().equals("plan.yaml")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  @DisplayName("there is at least one example plan to check")
  void examplesExist() throws IOException {
    assertThat(examplePlans()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examplePlans")
  @DisplayName("every example plan loads and points at a source that exists")
  void exampleLoads(Path file) {
    MigrationPlan plan = PlanLoader.load(file);

    assertThat(plan.name()).isEqualTo(file.getParent().getFileName().toString());
    plan.source().manifests().ifPresent(m -> assertThat(m.path()).exists());
    assertThat(PlanLoader.load(file)).isEqualTo(plan);
  }

  @Test
  @DisplayName("the EKS to IONOS example maps registries, storage classes, ingress classes and node pools")
  void eksToIonos() {
    MigrationPlan plan = PlanLoader.load(PLANS.resolve("eks-to-ionos/plan.yaml"));

    assertThat(plan.sourceProvider()).isEqualTo("aws-eks");
    assertThat(plan.targetProvider()).isEqualTo("ionos");
    assertThat(plan.mappings().registry("123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop/web:1.14.2"))
        .contains("shop.cr.de-fra.ionos.com/shop/web:1.14.2");
    assertThat(plan.mappings().storageClass("gp3")).contains("ionos-enterprise-ssd");
    assertThat(plan.mappings().ingressClass("alb")).contains("traefik");
    assertThat(plan.mappings().nodePool("shop-db")).contains("database");
    assertThat(plan.target().output()).hasValueSatisfying(
        o -> assertThat(o.path()).isEqualTo(PLANS.toAbsolutePath().getParent().normalize().resolve("target/eks-to-ionos")));
  }
}
