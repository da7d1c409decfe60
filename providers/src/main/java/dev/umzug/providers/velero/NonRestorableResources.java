package dev.umzug.providers.velero;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resources in a Velero backup that are never converted. The list follows Velero's own {@code
 * nonRestorableResources} (the restore controller never restores them) and adds every resource of
 * the {@code velero.io} group: Velero's state belongs to the Velero of the source cluster.
 */
final class NonRestorableResources {

  private static final String VELERO_GROUP = "velero.io";

  /** Group-resource, then why it is skipped; with the kind, to recognise resource-list keys. */
  private static final Map<String, Entry> TABLE = new TreeMap<>();

  static {
    add("nodes", "", "Node", "nodes belong to the source cluster; the target has its own");
    add("events", "", "Event", "events are a record of the source cluster, not state to move");
    add("events.events.k8s.io", "events.k8s.io", "Event", "events are a record of the source cluster, not state to move");
    add("csinodes.storage.k8s.io", "storage.k8s.io", "CSINode", "CSI node objects are created by each node's CSI driver");
    add("volumeattachments.storage.k8s.io", "storage.k8s.io", "VolumeAttachment",
        "volume attachments are created when a pod's volume is attached on the target");
  }

  private NonRestorableResources() {}

  private static void add(String gr, String group, String kind, String reason) {
    TABLE.put(gr, new Entry(group, kind, reason));
  }

  /** Why objects of this group-resource are skipped, or empty if they are converted. */
  static Optional<String> reason(String groupResource) {
    Entry e = TABLE.get(groupResource);
    if (e != null) {
      return Optional.of(e.reason);
    }
    if (groupResource.endsWith("." + VELERO_GROUP)) {
      return Optional.of("Velero's own objects (backups, restores, schedules, repositories) stay with"
          + " the source cluster's Velero");
    }
    return Optional.empty();
  }

  /** Whether the objects of this API group and kind are skipped (for resource-list keys). */
  static boolean skipsKind(String group, String kind) {
    if (group.equals(VELERO_GROUP)) {
      return true;
    }
    return TABLE.values().stream().anyMatch(e -> e.group.equals(group) && e.kind.equals(kind));
  }

  private record Entry(String group, String kind, String reason) {}
}
