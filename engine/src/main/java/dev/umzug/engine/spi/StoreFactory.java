package dev.umzug.engine.spi;

import java.io.IOException;
import java.util.Map;

/**
 * Opens snapshot stores of one kind, e.g. S3 buckets. Registered in {@code
 * META-INF/services/dev.umzug.engine.spi.StoreFactory}; the engine opens local directories itself.
 */
public interface StoreFactory {

  /** The URI scheme and plan store type this factory opens, e.g. {@code s3}. */
  String scheme();

  /**
   * Opens a store.
   *
   * @param settings for S3: {@code bucket}, {@code prefix}, and optionally {@code endpoint},
   *     {@code region}, {@code pathStyle} ({@code true}/{@code false}), {@code credentials}
   *     ({@code default-chain}, {@code environment} or {@code profile}) and {@code profile}; never
   *     keys themselves
   * @throws IOException when the store cannot be reached, the bucket does not exist, or access is
   *     denied ({@link java.nio.file.AccessDeniedException})
   */
  SnapshotStore open(Map<String, String> settings) throws IOException;
}
