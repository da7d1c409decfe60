package dev.umzug.providers.velero;

import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view of a store that can only be read: {@link #put} and {@link #delete} fail with {@link
 * AccessDeniedException} before reaching the store. umzug never writes into a Velero backup
 * location's prefix: Velero syncs every {@code velero-backup.json} it finds there, and rejects the
 * whole location when it finds a top-level directory it does not know.
 */
public final class ReadOnlyStore implements SnapshotStore {

  private final SnapshotStore store;

  private ReadOnlyStore(SnapshotStore store) {
    this.store = store;
  }

  /** A read-only view of {@code store}; a view is returned as it is. */
  public static SnapshotStore of(SnapshotStore store) {
    Objects.requireNonNull(store, "store");
    return store instanceof ReadOnlyStore ? store : new ReadOnlyStore(store);
  }

  @Override
  public String describe() {
    return store.describe() + " (read-only)";
  }

  @Override
  public StoredObject put(StoreKey key, PutMode mode, Body body) throws IOException {
    throw refused(key);
  }

  @Override
  public InputStream get(StoreKey key) throws IOException {
    return store.get(key);
  }

  @Override
  public Optional<StoredObject> stat(StoreKey key) throws IOException {
    return store.stat(key);
  }

  @Override
  public List<StoredObject> list(StoreKey prefix) throws IOException {
    return store.list(prefix);
  }

  @Override
  public List<String> children(StoreKey prefix) throws IOException {
    return store.children(prefix);
  }

  @Override
  public void delete(StoreKey key) throws IOException {
    throw refused(key);
  }

  private AccessDeniedException refused(StoreKey key) {
    return new AccessDeniedException(
        key.value(), null, "read-only view of " + store.describe()
            + ": umzug never writes into a Velero backup location");
  }
}
