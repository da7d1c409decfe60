package dev.umzug.engine.restore.apply;

import dev.umzug.engine.spi.ResourceRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a restore does with cluster-scoped objects of a snapshot, which are shared by every tenant
 * of the target: one table, one reason per entry. Namespaced objects are always {@link
 * Treatment#APPLY applied} under the plan's conflict policy.
 */
public final class ClusterScopedPolicy {

  /** How a kind is treated. */
  public enum Treatment {
    /** Applied like a namespaced object, under the conflict policy. */
    APPLY,
    /** Created when absent; an existing one is never changed, whatever the policy. */
    CREATE_ONLY,
    /** Read for planning only; preflight checks the target has what the objects refer to. */
    NOT_RESTORED
  }

  /** A table entry. */
  public record Entry(String groupKind, Treatment treatment, String reason) {}

  private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

  static {
    add("Namespace", Treatment.APPLY,
        "the plan's namespaces are created on the target (renamed where the plan says), with their labels"
            + " and annotations, under the conflict policy");
    add("CustomResourceDefinition.apiextensions.k8s.io", Treatment.CREATE_ONLY,
        "a CRD serves every namespace; an existing one may belong to an operator already installed on the"
            + " target, and changing its versions or schema could break other tenants' objects");
    add("ClusterRole.rbac.authorization.k8s.io", Treatment.CREATE_ONLY,
        "RoleBindings need the ClusterRoles they name; an existing one (admin, edit, view, aggregated roles)"
            + " is the target's own and is not changed");
    add("ClusterRoleBinding.rbac.authorization.k8s.io", Treatment.CREATE_ONLY,
        "grants cluster-wide rights: created when it is in the snapshot, never changed when it exists");
    add("StorageClass.storage.k8s.io", Treatment.NOT_RESTORED,
        "the target provider's own classes are used; the plan maps class names, and preflight checks that"
            + " every mapped class exists");
    add("IngressClass.networking.k8s.io", Treatment.NOT_RESTORED,
        "the target's ingress controllers define their classes; preflight checks the mapped ones exist");
    add("PriorityClass.scheduling.k8s.io", Treatment.NOT_RESTORED,
        "priorities are a cluster-wide scheduling policy of the target; preflight reports missing ones");
    add("RuntimeClass.node.k8s.io", Treatment.NOT_RESTORED, "runtime handlers depend on the target's nodes");
    add("PersistentVolume", Treatment.NOT_RESTORED,
        "the target's CSI driver provisions volumes for the restored claims; the volume mover copies data");
    add("Node", Treatment.NOT_RESTORED, "nodes belong to the target's infrastructure");
    add("CSIDriver.storage.k8s.io", Treatment.NOT_RESTORED, "storage drivers belong to the target provider");
  }

  private static void add(String groupKind, Treatment treatment, String reason) {
    TABLE.put(groupKind, new Entry(groupKind, treatment, reason));
  }

  private static final Entry OTHER_CLUSTER_SCOPED = new Entry("(other cluster-scoped kinds)", Treatment.CREATE_ONLY,
      "shared by every tenant of the target: created when absent, never changed");

  private ClusterScopedPolicy() {}

  /** How the restore treats {@code ref}. */
  public static Treatment of(ResourceRef ref) {
    if (ref.isNamespaced()) {
      return Treatment.APPLY;
    }
    return TABLE.getOrDefault(ref.groupKind(), OTHER_CLUSTER_SCOPED).treatment();
  }

  /** The reason for {@code ref}'s treatment. */
  public static String reasonFor(ResourceRef ref) {
    return ref.isNamespaced() ? "namespaced objects are applied under the plan's conflict policy"
        : TABLE.getOrDefault(ref.groupKind(), OTHER_CLUSTER_SCOPED).reason();
  }

  /** Every entry, for docs. */
  public static java.util.List<Entry> entries() {
    java.util.List<Entry> all = new java.util.ArrayList<>(TABLE.values());
    all.add(OTHER_CLUSTER_SCOPED);
    return all;
  }
}
