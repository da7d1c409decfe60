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

  private final SnapshotStore store;
  private final Set<String> namespaces;
  private final List<String> recipients;

  /**
   * @param namespaces source namespaces to keep; empty keeps all
   * @param recipients age recipients for Secrets; a Secret with none fails the run
   */
  public SnapshotRun(SnapshotStore store, Set<String> namespaces, List<String> recipients) {
    this.store = store;
    this.namespaces = Set.copyOf(namespaces);
    this.recipients = List.copyOf(recipients);
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
        writer.addObject(view.ref(), item.object(), secret ? recipients : List.of());
        totals[0]++;
      }, counting);
      SnapshotManifest manifest = writer.finish();
      done = true;
      return new Result(manifest, totals[0], totals[1], counts);
    } catch (IOException e) {
      throw new InvalidInputException(source.describe() + ": cannot read: " + e.getMessage(), e);
    } finally {
      if (!done) {
        removeDebris(snapshotId);
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
