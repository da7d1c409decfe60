package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.StoreKey;
import java.nio.charset.StandardCharsets;

/**
 * Where things live in a store (docs/snapshot-format.md, "Layout"):
 *
 * <pre>
 * snapshots/&lt;id&gt;/manifest.json                          written last: its presence marks a complete snapshot
 * snapshots/&lt;id&gt;/manifest.sig                           raw Ed25519 signature over manifest.json
 * snapshots/&lt;id&gt;/items/&lt;namespace|_cluster&gt;/&lt;Kind[.group]&gt;/&lt;name&gt;.json[.age]
 * </pre>
 */
public final class SnapshotLayout {

  public static final StoreKey SNAPSHOTS = new StoreKey("snapshots");
  public static final String MANIFEST = "manifest.json";
  public static final String SIGNATURE = "manifest.sig";
  static final String CLUSTER_SCOPED = "_cluster";
  private static final int MAX_NAME = 180;

  private SnapshotLayout() {}

  /** The prefix of one snapshot; the id must be a valid key segment. */
  public static StoreKey snapshot(String id) {
    if (!StoreKey.isValidSegment(id)) {
      throw new InvalidInputException(
          "snapshot id '" + id + "' is not allowed: use letters, digits and . _ - ~ : @ + = , only");
    }
    return SNAPSHOTS.resolve(id);
  }

  /** The key of an object item relative to its snapshot. */
  static String itemKey(ResourceRef ref, boolean encrypted) {
    String ns = ref.namespace() == null ? CLUSTER_SCOPED : StoreKey.escapeSegment(ref.namespace());
    String name = StoreKey.escapeSegment(ref.name());
    if (name.length() > MAX_NAME) {
      // stays within file-name limits; the manifest keeps the real name
      name = name.substring(0, MAX_NAME - 17) + "~"
          + Digests.sha256Hex(ref.name().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
    return "items/" + ns + "/" + StoreKey.escapeSegment(ref.groupKind()) + "/" + name + ".json"
        + (encrypted ? ".age" : "");
  }
}
