package dev.umzug.providers.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an S3 store is: the provider-side form of the plan's {@code spec.store} of type s3, so that
 * this package needs nothing from the engine but its SPI.
 *
 * @param endpoint endpoint URL; empty means AWS S3
 * @param bucket the bucket
 * @param prefix key prefix inside the bucket, empty for none
 * @param region the region, if the store needs one
 * @param pathStyle address the bucket in the path rather than in the host name
 * @param credentials where the keys come from; never the keys themselves
 */
public record S3Location(
    Optional<String> endpoint,
    String bucket,
    String prefix,
    Optional<String> region,
    boolean pathStyle,
    S3Credentials credentials) {

  public S3Location {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
  }
}
