package dev.umzug.providers.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * Where S3 keys come from, as the store is told (from a plan or a --store URI). Never the keys
 * themselves.
 *
 * @param source which lookup to use
 * @param profile the shared-credentials profile, present exactly when {@code source} is {@link
 *     Source#PROFILE}
 */
public record S3Credentials(Source source, Optional<String> profile) {

  /** The lookups umzug knows. */
  public enum Source {
    /** The usual AWS order: environment variables, then the shared credentials file. */
    DEFAULT_CHAIN,
    /** Only {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}. */
    ENVIRONMENT,
    /** One named profile of the shared credentials file. */
    PROFILE
  }

  private static final S3Credentials DEFAULT_CHAIN =
      new S3Credentials(Source.DEFAULT_CHAIN, Optional.empty());
  private static final S3Credentials ENVIRONMENT =
      new S3Credentials(Source.ENVIRONMENT, Optional.empty());

  public S3Credentials {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(profile, "profile");
    if (profile.isPresent() != (source == Source.PROFILE)) {
      throw new IllegalArgumentException("a profile name goes with source PROFILE only");
    }
  }

  public static S3Credentials defaultChain() {
    return DEFAULT_CHAIN;
  }

  public static S3Credentials fromEnvironment() {
    return ENVIRONMENT;
  }

  public static S3Credentials profile(String name) {
    return new S3Credentials(Source.PROFILE, Optional.of(name));
  }
}
