package dev.umzug.engine.plan;

/**
 * Where snapshots, rewritten manifests and checksums are kept between phases: a {@link LocalStore}
 * directory or an {@link S3Store} bucket.
 */
public sealed interface StoreSpec permits LocalStore, S3Store {

  /** The {@code type} as written in a plan: {@code local} or {@code s3}. */
  String type();
}
