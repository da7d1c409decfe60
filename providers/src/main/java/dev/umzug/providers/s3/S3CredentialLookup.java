package dev.umzug.providers.s3;

import io.minio.credentials.AwsConfigProvider;
import io.minio.credentials.Credentials;
import io.minio.credentials.Provider;
import io.minio.credentials.StaticProvider;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the keys for an S3 store from the source a plan names ({@link S3Credentials}); a plan never
 * holds keys. The lookup runs once, when the store is opened, so that missing keys are reported
 * before any upload starts.
 *
 * <p>Order for {@link S3Credentials.Source#DEFAULT_CHAIN}, the first that yields a key pair wins:
 *
 * <ol>
 *   <li>{@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, with {@code AWS_SESSION_TOKEN}
 *       if set;
 *   <li>the profile {@code AWS_PROFILE} (else {@code default}) in the shared credentials file ({@code
 *       AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials});
 *   <li>the same profile in the config file ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config},
 *       section {@code [profile NAME]} or {@code [default]}).
 * </ol>
 *
 * {@link S3Credentials.Source#ENVIRONMENT} is step 1 only; {@link S3Credentials.Source#PROFILE} is
 * steps 2 and 3 with the plan's profile (and ignores {@code AWS_PROFILE}). Instance roles, SSO and
 * web identity are not looked up. Messages name variables, files and profiles, never key values.
 */
final class S3CredentialLookup {

  private final Map<String, String> env;
  private final Path home;

  S3CredentialLookup(Map<String, String> env, Path home) {
    this.env = env;
    this.home = home;
  }

  /**
   * The keys, as a provider that minio asks before every request.
   *
   * @param store for messages, e.g. {@code s3://bucket/prefix}
   * @throws AccessDeniedException when the named source has no keys (exit code 4)
   */
  Provider resolve(S3Credentials spec, String store) throws AccessDeniedException {
    List<String> tried = new ArrayList<>();
    Optional<Credentials> found = Optional.empty();
    switch (spec.source()) {
      case ENVIRONMENT -> found = fromEnvironment(tried);
      case PROFILE -> found = fromFiles(spec.profile().orElseThrow(), tried);
      case DEFAULT_CHAIN -> {
        found = fromEnvironment(tried);
        if (found.isEmpty()) {
          found = fromFiles(profileName(), tried);
        }
      }
    }
    Credentials credentials =
        found.orElseThrow(() -> new AccessDeniedException(store, null, "no S3 credentials found (tried " + String.join("; ", tried) + ")"));
    return new StaticProvider(credentials.accessKey(), credentials.secretKey(), credentials.sessionToken());
  }

  /** The region configured for the profile the chain would use, if any. */
  Optional<String> region(S3Credentials spec) {
    for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
      String value = env(variable);
      if (value != null) {
        return Optional.of(value);
      }
    }
    if (spec.source() == S3Credentials.Source.ENVIRONMENT) {
      return Optional.empty();
    }
    String profile = spec.profile().orElseGet(this::profileName);
    Path config = configFile();
    if (!Files.isReadable(config)) {
      return Optional.empty();
    }
    return SharedConfigFile.read(config, sectionInConfig(profile)).map(section -> section.get("region"));
  }

  private Optional<Credentials> fromEnvironment(List<String> tried) {
    String access = env("AWS_ACCESS_KEY_ID");
    String secret = env("AWS_SECRET_ACCESS_KEY");
    if (access == null || secret == null) {
      tried.add("environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not both set");
      return Optional.empty();
    }
    return Optional.of(new Credentials(access, secret, env("AWS_SESSION_TOKEN"), null));
  }

  private Optional<Credentials> fromFiles(String profile, List<String> tried) {
    Optional<Credentials> found = fromFile(credentialsFile(), profile, profile, tried);
    if (found.isEmpty()) {
      found = fromFile(configFile(), sectionInConfig(profile), profile, tried);
    }
    return found;
  }

  private Optional<Credentials> fromFile(Path file, String section, String profile, List<String> tried) {
    if (!Files.isReadable(file)) {
      tried.add(file + ": not readable");
      return Optional.empty();
    }
    try {
      // minio's parser: aws_access_key_id, aws_secret_access_key, aws_session_token
      return Optional.of(new AwsConfigProvider(file.toString(), section).fetch());
    } catch (RuntimeException e) {
      tried.add(file + ": no keys for profile " + profile);
      return Optional.empty();
    }
  }

  private String profileName() {
    String profile = env("AWS_PROFILE");
    return profile == null ? "default" : profile;
  }

  private static String sectionInConfig(String profile) {
    return profile.equals("default") ? "default" : "profile " + profile;
  }

  private Path credentialsFile() {
    String file = env("AWS_SHARED_CREDENTIALS_FILE");
    return file != null ? Path.of(file) : home.resolve(".aws").resolve("credentials");
  }

  private Path configFile() {
    String file = env("AWS_CONFIG_FILE");
    return file != null ? Path.of(file) : home.resolve(".aws").resolve("config");
  }

  private String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
