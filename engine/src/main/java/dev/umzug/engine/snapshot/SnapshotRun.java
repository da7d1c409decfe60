package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Takes a snapshot: streams every object of a source that lies in the selected namespaces into a
 * {@link SnapshotWriter}, Secrets encrypted to the given recipients, and finishes with the signed
 * manifest. If anything fails on the way, the items already written are removed again, so a failed
 * run leaves neither a complete-looking snapshot nor debris.
 */
public final class SnapshotRun {

  /** Rule id under which the snapshot run reports its own findings. */
  public static final String RUN_ID = "snapshot/take-snapshot";

  /** What a run produced. */
  public record Result(SnapshotManifest manifest, long objects, long skipped, Map<Severity, Long> findings) {}

  /** Objects written to the store at once: each write waits on the disk or the network. */
  public static final int DEFAULT_PARALLELISM = 4;

  private final SnapshotStore store;
  private final Set<String> namespaces;
  private final List<String> recipients;
  private final int parallelism;

  /**
   * @param namespaces source namespaces to keep; empty keeps all
   * @param recipients age recipients for Secrets; a Secret with none fails the run
   */
  public SnapshotRun(SnapshotStore store, Set<String> namespaces, List<String> recipients) {
    this(store, namespaces, recipients, DEFAULT_PARALLELISM);
  }

  /** @param parallelism objects written at once; reading stays sequential and in order */
  public SnapshotRun(SnapshotStore store, Set<String> namespaces, List<String> recipients, int parallelism) {
    this.store = store;
    this.namespaces = Set.copyOf(namespaces);
    this.recipients = List.copyOf(recipients);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
    }
    this.parallelism = parallelism;
  }

  public Result run(ObjectSource source, SnapshotWriter writer, String snapshotId, Consumer<Finding> findings) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    Consumer<Finding> counting = f -> {
      counts.merge(f.severity(), 1L, Long::sum);
      findings.accept(f);
    };
    Set<ResourceRef> seen = new HashSet<>();
    long[] totals = new long[2];
    boolean done = false;
    Writes writes = new Writes(parallelism);
    try {
      source.read(item -> {
        ResourceView view = ResourceView.of(item.object(), item.location());
        if (!selected(view.ref())) {
          totals[1]++;
          return;
        }
        if (!seen.add(view.ref())) {
          counting.accept(new Finding(Severity.ERROR, RUN_ID, view.ref(), item.location(),
              "the same object was read twice; the second copy is not in the snapshot",
              "keep one definition of the object"));
          return;
        }
        boolean secret = view.ref().group().isEmpty() && view.ref().kind().equals("Secret");
        List<String> encryptTo = secret ? recipients : List.of();
        writes.submit(() -> writer.addObject(view.ref(), item.object(), encryptTo));
        totals[0]++;
      }, counting);
      writes.awaitAll();
      SnapshotManifest manifest = writer.finish();
      done = true;
      return new Result(manifest, totals[0], totals[1], counts);
    } catch (IOException e) {
      throw new InvalidInputException(source.describe() + ": cannot read: " + e.getMessage(), e);
    } finally {
      writes.shutdown();
      if (!done) {
        removeDebris(snapshotId);
      }
    }
  }

  /**
   * Store writes in flight, handed to the writer threads in batches of up to {@value #BATCH}, at
   * most twice the parallelism batches at once (256 objects with the default four writers, about
   * half a page of the cluster source: memory stays bounded by the page size while the store waits
   * on disk or network), and the reading thread wakes a writer once per batch rather than once per
   * object. The first failure ends its batch and is rethrown to the reading thread.
   */
  private static final class Writes {
    static final int BATCH = 32;

    private final java.util.concurrent.ExecutorService pool;
    private final java.util.concurrent.Semaphore slots;
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    private final int capacity;
    private List<Runnable> batch = new java.util.ArrayList<>(BATCH);

    Writes(int parallelism) {
      this.pool = java.util.concurrent.Executors.newFixedThreadPool(parallelism, r -> {
        Thread t = new Thread(r, "umzug-snapshot-write");
        t.setDaemon(true);
        return t;
      });
      this.capacity = 2 * parallelism;
      this.slots = new java.util.concurrent.Semaphore(capacity);
    }

    void submit(Runnable write) {
      rethrow();
      batch.add(write);
      if (batch.size() == BATCH) {
        dispatch();
      }
    }

    private void dispatch() {
      if (batch.isEmpty()) {
        return;
      }
      List<Runnable> writes = batch;
      batch = new java.util.ArrayList<>(BATCH);
      slots.acquireUninterruptibly();
      pool.execute(() -> {
        try {
          for (Runnable write : writes) {
            if (failure.get() != null) {
              return; // the run fails and removes what was written; no point in writing more
            }
            write.run();
          }
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        } finally {
          slots.release();
        }
      });
    }

    void awaitAll() {
      rethrow();
      dispatch();
      slots.acquireUninterruptibly(capacity);
      slots.release(capacity);
      rethrow();
    }

    private void rethrow() {
      RuntimeException e = failure.get();
      if (e != null) {
        throw e;
      }
    }

    /** Lets writes in flight end, so that nothing is written after a failed run cleans up. */
    void shutdown() {
      pool.shutdown();
      try {
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean selected(ResourceRef ref) {
    if (namespaces.isEmpty()) {
      return true;
    }
    if (ref.group().isEmpty() && ref.kind().equals("Namespace")) {
      return namespaces.contains(ref.name());
    }
    // cluster-scoped objects, and manifests that name no namespace, go with the selection
    return ref.namespace() == null || namespaces.contains(ref.namespace());
  }

  /** Best effort: the manifest was never written, so what is left would only be listed as incomplete. */
  private void removeDebris(String snapshotId) {
    try {
      StoreKey prefix = SnapshotLayout.snapshot(snapshotId);
      for (StoredObject object : store.list(prefix)) {
        store.delete(object.key());
      }
    } catch (IOException | RuntimeException e) {
      // the snapshot has no manifest and is listed as incomplete; 'snapshots delete' removes it
    }
  }
}
