package dev.umzug.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A Velero backup in an S3-compatible bucket, read without Velero (a later phase).
 *
 * @param bucket bucket of the backup storage location
 * @param prefix prefix inside the bucket, empty for none
 * @param backup name of the Velero {@code Backup}
 * @param endpoint S3 endpoint URL; empty means AWS S3
 * @param region S3 region, if needed
 */
public record VeleroBackupRef(
    String bucket, String prefix, String backup, Optional<String> endpoint, Optional<String> region)
    implements SourceSpec.Origin {

  public VeleroBackupRef {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
  }
}
