package dev.umzug.engine.snapshot;

import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.SourceItem;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The objects of a signed snapshot as an {@link ObjectSource}, so that restore and verify rewrite
 * them with the same engine as {@code convert}. Every object is checked against the manifest while
 * it is read ({@link SnapshotReader}); a damaged or missing item stops the read with a {@link
 * SnapshotIntegrityException} naming it. Objects come in manifest order (sorted by key).
 */
public final class SnapshotObjectSource implements ObjectSource {

  /** Location prefix: {@code snapshot:<id>/<key>}. */
  public static final String LOCATION_PREFIX = "snapshot:";

  private final SnapshotReader reader;
  private final Optional<AgeIdentity> identity;

  public SnapshotObjectSource(SnapshotReader reader, Optional<AgeIdentity> identity) {
    this.reader = reader;
    this.identity = identity;
  }

  @Override
  public String describe() {
    return "snapshot " + reader.manifest().snapshotId();
  }

  @Override
  public void read(Consumer<SourceItem> items, Consumer<Finding> problems) {
    String id = reader.manifest().snapshotId();
    for (ManifestItem item : reader.manifest().items()) {
      var tree = reader.read(item, identity);
      if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
        throw new SnapshotIntegrityException(item.key() + ": is not a JSON object");
      }
      items.accept(new SourceItem(object, LOCATION_PREFIX + id + "/" + item.key()));
    }
  }
}
