package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.snapshot.SnapshotSummary.State;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Listing, showing and deleting the snapshots in any {@link SnapshotStore}. */
public final class Snapshots {

  private final SnapshotStore store;

  public Snapshots(SnapshotStore store) {
    this.store = store;
  }

  /** Every snapshot, complete or not, sorted by id. */
  public List<SnapshotSummary> list() {
    List<String> ids;
    try {
      ids = store.children(SnapshotLayout.SNAPSHOTS);
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "list snapshots", e);
    }
    List<SnapshotSummary> result = new ArrayList<>();
    for (String id : ids) {
      summary(id).ifPresent(result::add);
    }
    return result;
  }

  /**
   * One snapshot.
   *
   * @throws InvalidInputException when no object of it is in the store
   */
  public SnapshotSummary show(String id) {
    return summary(id).orElseThrow(
        () -> new InvalidInputException("snapshot " + id + " is not in " + store.describe()));
  }

  /**
   * Deletes a snapshot: manifest.json first, so that a deletion cut short leaves an incomplete
   * snapshot and never a complete-looking one with objects missing.
   *
   * @return how many objects were deleted
   */
  public int delete(String id) {
    StoreKey prefix = SnapshotLayout.snapshot(id);
    List<StoredObject> objects = objects(prefix);
    if (objects.isEmpty()) {
      throw new InvalidInputException("snapshot " + id + " is not in " + store.describe());
    }
    List<StoreKey> order = new ArrayList<>();
    order.add(prefix.resolve(SnapshotLayout.MANIFEST));
    order.add(prefix.resolve(SnapshotLayout.SIGNATURE));
    objects.stream().map(StoredObject::key).filter(k -> !order.contains(k)).forEach(order::add);
    try {
      for (StoreKey key : order) {
        store.delete(key);
      }
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "delete snapshot " + id, e);
    }
    return objects.size();
  }

  private Optional<SnapshotSummary> summary(String id) {
    StoreKey prefix = SnapshotLayout.snapshot(id);
    List<StoredObject> objects = objects(prefix);
    if (objects.isEmpty()) {
      return Optional.empty();
    }
    long bytes = objects.stream().mapToLong(StoredObject::size).sum();
    StoreKey manifestKey = prefix.resolve(SnapshotLayout.MANIFEST);
    if (objects.stream().noneMatch(o -> o.key().equals(manifestKey))) {
      return Optional.of(new SnapshotSummary(id, State.INCOMPLETE, Optional.empty(), objects.size(), bytes));
    }
    try (InputStream in = store.get(manifestKey)) {
      SnapshotManifest manifest = SnapshotManifest.parse(in.readNBytes(64 * 1024 * 1024));
      return Optional.of(new SnapshotSummary(id, State.COMPLETE, Optional.of(manifest), objects.size(), bytes));
    } catch (SnapshotManifest.ManifestFormatException e) {
      return Optional.of(new SnapshotSummary(id, State.UNREADABLE, Optional.empty(), objects.size(), bytes));
    } catch (NoSuchFileException e) {
      return Optional.of(new SnapshotSummary(id, State.INCOMPLETE, Optional.empty(), objects.size(), bytes));
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "read " + manifestKey, e);
    }
  }

  private List<StoredObject> objects(StoreKey prefix) {
    try {
      return store.list(prefix);
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "list " + prefix, e);
    }
  }
}
