package dev.umzug.engine.spi;

import java.util.Objects;

/**
 * What a {@link SnapshotStore} knows about one stored object without reading it.
 *
 * @param key the object's key
 * @param size its length in bytes
 */
public record StoredObject(StoreKey key, long size) {

  public StoredObject {
    Objects.requireNonNull(key, "key");
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
  }
}
