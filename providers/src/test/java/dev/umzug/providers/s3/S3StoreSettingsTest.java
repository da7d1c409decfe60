package dev.umzug.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("S3 store settings")
class S3StoreSettingsTest {

  private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret");

  @Test
  @DisplayName("s3://bucket/prefix becomes a plan store on AWS with the default chain")
  void parsesUri() {
    S3Location spec = S3SnapshotStore.parseUri("s3://backups/team-a/umzug/");
    assertThat(spec.bucket()).isEqualTo("backups");
    assertThat(spec.prefix()).isEqualTo("team-a/umzug");
    assertThat(spec.endpoint()).isEmpty();
    assertThat(spec.pathStyle()).isFalse();
    assertThat(spec.credentials()).isEqualTo(S3Credentials.defaultChain());
    assertThat(S3SnapshotStore.parseUri("s3://backups").prefix()).isEmpty();
    assertThatThrownBy(() -> S3SnapshotStore.parseUri("/tmp/x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the plan's pathStyle chooses path or virtual-host addressing, without contacting the endpoint")
  void addressingFromPlan() throws Exception {
    for (boolean pathStyle : new boolean[] {true, false}) {
      S3Location spec = new S3Location(Optional.of("https://objects.example.com:9000"), "backups", "p", Optional.of("eu-1"),
          pathStyle, S3Credentials.fromEnvironment());
      try (S3SnapshotStore store = S3SnapshotStore.builder().from(spec).environment(KEYS).build()) {
        assertThat(store.virtualHostStyle()).isEqualTo(!pathStyle);
        assertThat(store.describe()).isEqualTo("s3://backups/p at https://objects.example.com:9000");
      }
    }
  }

  @Test
  @DisplayName("without an endpoint the store is on AWS S3 and describes itself by bucket alone")
  void awsByDefault() throws Exception {
    try (S3SnapshotStore store = S3SnapshotStore.builder().bucket("backups").region("eu-central-1").environment(KEYS).build()) {
      assertThat(store.describe()).isEqualTo("s3://backups");
      assertThat(store.virtualHostStyle()).isTrue();
    }
  }

  @ParameterizedTest(name = "endpoint {0} is refused")
  @ValueSource(strings = {"ftp://host", "https://host/some/path", "http://"})
  @DisplayName("refuses endpoints that are not http(s)://host[:port]")
  void badEndpoint(String endpoint) {
    assertThatThrownBy(() -> S3SnapshotStore.builder().endpoint(endpoint).bucket("backups").environment(KEYS).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "prefix {0} is refused")
  @ValueSource(strings = {"a/../b", "a//b", ".hidden"})
  @DisplayName("refuses prefixes that keys could not have")
  void badPrefix(String prefix) {
    assertThatThrownBy(() -> S3SnapshotStore.builder().prefix(prefix)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("refuses buckets shorter than 3 characters and parts smaller than 5 MiB")
  void limits() {
    assertThatThrownBy(() -> S3SnapshotStore.builder().bucket("ab").environment(KEYS).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 63");
    assertThatThrownBy(() -> S3SnapshotStore.builder().partSize(1024 * 1024)).isInstanceOf(IllegalArgumentException.class);
  }
}
