package dev.umzug.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The restore-order table and docs/restore-order.md, generated from it. Regenerate the doc with
 * {@code ./mvnw -pl engine test -Dtest=RestoreOrderTest -Dumzug.updateDocs=true}.
 */
@DisplayName("Restore order table")
class RestoreOrderTest {

  @Test
  @DisplayName("every step has an id, a reason of at least one sentence, and kinds or the catch-all")
  void wellFormed() {
    assertThat(RestoreOrder.STEPS).allSatisfy(s -> {
      assertThat(s.id()).matches("[a-z-]+");
      assertThat(s.reason()).endsWith(".").hasSizeGreaterThan(40);
      assertThat(s.otherKinds() || !s.groupKinds().isEmpty()).isTrue();
    });
    assertThat(RestoreOrder.STEPS).extracting(RestoreStep::id).doesNotHaveDuplicates();
    assertThat(RestoreOrder.STEPS).filteredOn(RestoreStep::otherKinds).hasSize(1);
  }

  @Test
  @DisplayName("webhooks and API services are the last step, CRDs the first")
  void endsOfTheTable() {
    assertThat(RestoreOrder.stepOf("CustomResourceDefinition.apiextensions.k8s.io").id()).isEqualTo("crds");
    assertThat(RestoreOrder.indexOf("CustomResourceDefinition.apiextensions.k8s.io")).isZero();
    assertThat(RestoreOrder.indexOf("MutatingWebhookConfiguration.admissionregistration.k8s.io"))
        .isEqualTo(RestoreOrder.STEPS.size() - 1);
    assertThat(RestoreOrder.stepOf("Gadget.example.org").id()).isEqualTo("custom-resources");
  }

  @Test
  @DisplayName("docs/restore-order.md is generated from the table and up to date")
  void docUpToDate() throws IOException {
    String expected = "# Restore order\n\n"
        + "Generated from `RestoreOrder.STEPS` (engine/src/main/java/dev/umzug/engine/restore/RestoreOrder.java);"
        + " do not edit by hand. Regenerate with\n"
        + "`./mvnw -pl engine test -Dtest=RestoreOrderTest -Dumzug.updateDocs=true`.\n\n"
        + "A restore applies the steps top to bottom. The objects of one step are sorted by reference and"
        + " do not wait for each other, so a restorer may apply them in parallel. After a step, the"
        + " restorer waits for its gates before it starts the next step. A kind missing from the table"
        + " goes to the `custom-resources` step.\n\n"
        + "Besides the order, the planner derives dependencies from content (claims, service accounts,"
        + " ConfigMaps and Secrets of pod specs, Ingress and route backends, role bindings, custom"
        + " resources and their CRDs); a dependency that is not in the snapshot is reported as a"
        + " finding before anything is applied.\n\n"
        + RestoreOrder.markdown();
    Path path = Path.of("..", "docs", "restore-order.md");
    if (Boolean.getBoolean("umzug.updateDocs")) {
      Files.writeString(path, expected, StandardCharsets.UTF_8);
    }
    assertThat(path).as("docs/restore-order.md is missing: regenerate it (see this test's javadoc)").exists();
    assertThat(Files.readString(path, StandardCharsets.UTF_8))
        .as("docs/restore-order.md is stale: regenerate it (see this test's javadoc)")
        .isEqualTo(expected);
  }
}
