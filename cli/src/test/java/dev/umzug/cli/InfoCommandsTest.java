package dev.umzug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("umzug providers and umzug rules")
class InfoCommandsTest {

  @Test
  @DisplayName("providers lists every profile with its jurisdiction")
  void providers() throws Exception {
    CliRun table = CliRun.of("providers");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("aws-eks", "ionos", "US", "DE");
    JsonNode json = new ObjectMapper().readTree(CliRun.of("providers", "-o", "json").out());
    assertThat(json).anySatisfy(p -> {
      assertThat(p.path("id").asText()).isEqualTo("ionos");
      assertThat(p.path("jurisdiction").path("usCloudActExposure").asBoolean()).isFalse();
    });
  }

  @Test
  @DisplayName("rules lists every rule id with a description, and filters by provider pair")
  void rules() throws Exception {
    CliRun all = CliRun.of("rules", "-o", "json");
    JsonNode json = new ObjectMapper().readTree(all.out());
    assertThat(json.size()).isGreaterThan(20);
    assertThat(json).allSatisfy(r -> assertThat(r.path("description").asText()).isNotBlank());
    CliRun pair = CliRun.of("rules", "--source", "aws-eks", "--target", "ionos");
    assertThat(pair.exitCode()).isZero();
    assertThat(pair.out()).contains("clean/strip-status");
    CliRun unknown = CliRun.of("rules", "--source", "nowhere");
    assertThat(unknown.exitCode()).isEqualTo(2);
  }
}
