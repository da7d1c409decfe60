package dev.umzug.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.credentials.Credentials;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("S3 credentials are looked up")
class S3CredentialLookupTest {

  @TempDir Path home;

  @BeforeEach
  void awsFiles() throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), """
        [default]
        aws_access_key_id = file-default-id
        aws_secret_access_key = file-default-secret

        [prod]
        aws_access_key_id = file-prod-id
        aws_secret_access_key = file-prod-secret
        aws_session_token = file-prod-token
        """);
    Files.writeString(home.resolve(".aws/config"), """
        [default]
        region = eu-west-1

        [profile staging]
        region = eu-central-1
        aws_access_key_id = config-staging-id
        aws_secret_access_key = config-staging-secret
        """);
  }

  private Credentials resolve(S3Credentials spec, Map<String, String> env) throws AccessDeniedException {
    return new S3CredentialLookup(env, home).resolve(spec, "s3://b").fetch();
  }

  @Test
  @DisplayName("from the environment first, with its session token")
  void environmentFirst() throws Exception {
    Credentials c = resolve(S3Credentials.defaultChain(),
        Map.of("AWS_ACCESS_KEY_ID", "env-id", "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_SESSION_TOKEN", "env-token", "AWS_PROFILE", "prod"));
    assertThat(c.accessKey()).isEqualTo("env-id");
    assertThat(c.sessionToken()).isEqualTo("env-token");
  }

  @Test
  @DisplayName("then from the credentials file, profile AWS_PROFILE or default")
  void thenCredentialsFile() throws Exception {
    assertThat(resolve(S3Credentials.defaultChain(), Map.of()).accessKey()).isEqualTo("file-default-id");
    Credentials prod = resolve(S3Credentials.defaultChain(), Map.of("AWS_PROFILE", "prod"));
    assertThat(prod.accessKey()).isEqualTo("file-prod-id");
    assertThat(prod.sessionToken()).isEqualTo("file-prod-token");
  }

  @Test
  @DisplayName("then from the config file's [profile NAME] section")
  void thenConfigFile() throws Exception {
    assertThat(resolve(S3Credentials.defaultChain(), Map.of("AWS_PROFILE", "staging")).accessKey()).isEqualTo("config-staging-id");
  }

  @Test
  @DisplayName("a plan's profile wins over AWS_PROFILE and ignores the environment's keys")
  void planProfile() throws Exception {
    Credentials c = resolve(S3Credentials.profile("prod"),
        Map.of("AWS_PROFILE", "staging", "AWS_ACCESS_KEY_ID", "env-id", "AWS_SECRET_ACCESS_KEY", "env-secret"));
    assertThat(c.accessKey()).isEqualTo("file-prod-id");
  }

  @Test
  @DisplayName("ENVIRONMENT never reads the files, and says what it missed without printing any key")
  void environmentOnly() {
    assertThatThrownBy(() -> resolve(S3Credentials.fromEnvironment(), Map.of("AWS_ACCESS_KEY_ID", "env-id")))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("s3://b")
        .hasMessageContaining("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not both set")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("env-id"));
  }

  @Test
  @DisplayName("a profile that is nowhere is an AccessDeniedException naming the profile and both files")
  void missingProfile() {
    assertThatThrownBy(() -> resolve(S3Credentials.profile("nope"), Map.of()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("no keys for profile nope")
        .hasMessageContaining(home.resolve(".aws/credentials").toString())
        .hasMessageContaining(home.resolve(".aws/config").toString());
  }

  @Test
  @DisplayName("the region comes from AWS_REGION, AWS_DEFAULT_REGION, then the profile's config")
  void region() {
    S3CredentialLookup lookup = new S3CredentialLookup(Map.of(), home);
    assertThat(lookup.region(S3Credentials.defaultChain())).contains("eu-west-1");
    assertThat(lookup.region(S3Credentials.profile("staging"))).contains("eu-central-1");
    assertThat(lookup.region(S3Credentials.profile("prod"))).isEmpty();
    assertThat(new S3CredentialLookup(Map.of("AWS_DEFAULT_REGION", "us-west-2"), home).region(S3Credentials.defaultChain()))
        .contains("us-west-2");
    assertThat(new S3CredentialLookup(Map.of("AWS_REGION", "ap-south-1", "AWS_DEFAULT_REGION", "us-west-2"), home)
        .region(S3Credentials.defaultChain())).contains("ap-south-1");
  }
}
