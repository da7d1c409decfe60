package dev.umzug.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A store in an S3-compatible bucket.
 *
 * @param endpoint endpoint URL; empty means AWS S3
 * @param bucket the bucket
 * @param prefix key prefix inside the bucket, empty for none
 * @param region the region, if the store needs one
 * @param pathStyle address the bucket in the path rather than in the host name
 * @param credentials where the keys come from; never the keys themselves
 */
public record S3Store(
    Optional<String> endpoint,
    String bucket,
    String prefix,
    Optional<String> region,
    boolean pathStyle,
    S3Credentials credentials)
    implements StoreSpec {

  public S3Store {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public String type() {
    return "s3";
  }
}
