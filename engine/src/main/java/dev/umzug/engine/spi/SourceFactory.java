package dev.umzug.engine.spi;

import java.io.IOException;
import java.util.Map;

/**
 * Opens object sources that live in a bucket, e.g. Velero backups. Registered in {@code
 * META-INF/services/dev.umzug.engine.spi.SourceFactory}.
 */
public interface SourceFactory {

  /** The kind of source, as a plan names it, e.g. {@code velero-backup}. */
  String kind();

  /**
   * Opens a source.
   *
   * @param bucket the bucket (or a local copy of it), which the source must never write to
   * @param settings for a Velero backup: {@code prefix} and {@code backup}
   */
  ObjectSource open(SnapshotStore bucket, Map<String, String> settings) throws IOException;
}
