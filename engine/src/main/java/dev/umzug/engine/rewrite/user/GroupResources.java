package dev.umzug.engine.rewrite.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.Inventory;
import dev.umzug.engine.spi.ResourceView;
import java.util.Locale;
import java.util.Map;

/**
 * The plural resource name of a kind, as Velero and {@code kubectl} write group-resources ({@code
 * deployments.apps}, {@code configmaps}). Three sources, in this order: a built-in table of the
 * Kubernetes kinds; the CustomResourceDefinition of the kind when the source has one (its {@code
 * spec.names.plural}); else the guess Kubernetes itself makes ({@code UnsafeGuessKindToResource}):
 * the kind in lower case, plus {@code es} after a final {@code s}, {@code y} turned into {@code ies},
 * {@code s} otherwise.
 */
public final class GroupResources {

  private static final String CRD_GROUP = "apiextensions.k8s.io";

  /** group/Kind to plural, for the kinds whose plural is not the simple guess or matters most. */
  private static final Map<String, String> PLURALS =
      Map.ofEntries(
          // core
          Map.entry("/Pod", "pods"),
          Map.entry("/Service", "services"),
          Map.entry("/ConfigMap", "configmaps"),
          Map.entry("/Secret", "secrets"),
          Map.entry("/PersistentVolumeClaim", "persistentvolumeclaims"),
          Map.entry("/PersistentVolume", "persistentvolumes"),
          Map.entry("/Namespace", "namespaces"),
          Map.entry("/ServiceAccount", "serviceaccounts"),
          Map.entry("/Endpoints", "endpoints"),
          Map.entry("/Event", "events"),
          Map.entry("/LimitRange", "limitranges"),
          Map.entry("/ResourceQuota", "resourcequotas"),
          Map.entry("/ReplicationController", "replicationcontrollers"),
          Map.entry("/PodTemplate", "podtemplates"),
          Map.entry("/Node", "nodes"),
          // apps, batch
          Map.entry("apps/Deployment", "deployments"),
          Map.entry("apps/StatefulSet", "statefulsets"),
          Map.entry("apps/DaemonSet", "daemonsets"),
          Map.entry("apps/ReplicaSet", "replicasets"),
          Map.entry("apps/ControllerRevision", "controllerrevisions"),
          Map.entry("batch/Job", "jobs"),
          Map.entry("batch/CronJob", "cronjobs"),
          // networking, rbac, storage, policy, autoscaling
          Map.entry("networking.k8s.io/Ingress", "ingresses"),
          Map.entry("networking.k8s.io/IngressClass", "ingressclasses"),
          Map.entry("networking.k8s.io/NetworkPolicy", "networkpolicies"),
          Map.entry("rbac.authorization.k8s.io/Role", "roles"),
          Map.entry("rbac.authorization.k8s.io/RoleBinding", "rolebindings"),
          Map.entry("rbac.authorization.k8s.io/ClusterRole", "clusterroles"),
          Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", "clusterrolebindings"),
          Map.entry("storage.k8s.io/StorageClass", "storageclasses"),
          Map.entry("storage.k8s.io/VolumeAttachment", "volumeattachments"),
          Map.entry("storage.k8s.io/CSIDriver", "csidrivers"),
          Map.entry("storage.k8s.io/CSINode", "csinodes"),
          Map.entry("storage.k8s.io/CSIStorageCapacity", "csistoragecapacities"),
          Map.entry("policy/PodDisruptionBudget", "poddisruptionbudgets"),
          Map.entry("autoscaling/HorizontalPodAutoscaler", "horizontalpodautoscalers"),
          // other built-in groups an operator meets in exports
          Map.entry("apiextensions.k8s.io/CustomResourceDefinition", "customresourcedefinitions"),
          Map.entry("scheduling.k8s.io/PriorityClass", "priorityclasses"),
          Map.entry("discovery.k8s.io/EndpointSlice", "endpointslices"),
          Map.entry("events.k8s.io/Event", "events"),
          Map.entry("coordination.k8s.io/Lease", "leases"),
          Map.entry("admissionregistration.k8s.io/MutatingWebhookConfiguration", "mutatingwebhookconfigurations"),
          Map.entry("admissionregistration.k8s.io/ValidatingWebhookConfiguration", "validatingwebhookconfigurations"));

  private GroupResources() {}

  /** {@code deployments.apps}, or {@code configmaps} for the core group. */
  public static String of(String group, String kind, Inventory inventory) {
    String plural = plural(group, kind, inventory);
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The plural of a kind: the table, then a CustomResourceDefinition in the inventory, then the guess. */
  public static String plural(String group, String kind, Inventory inventory) {
    String known = PLURALS.get(group + "/" + kind);
    if (known != null) {
      return known;
    }
    if (inventory != null && !group.isEmpty()) {
      for (ResourceView crd : inventory.all(CRD_GROUP, "CustomResourceDefinition")) {
        JsonNode spec = crd.json().path("spec");
        if (spec.path("group").asText().equals(group)
            && spec.path("names").path("kind").asText().equals(kind)
            && !spec.path("names").path("plural").asText().isEmpty()) {
          return spec.path("names").path("plural").asText();
        }
      }
    }
    return guess(kind);
  }

  /** Kubernetes' own guess: lower case, then {@code s}→{@code ses}, {@code y}→{@code ies}, else {@code +s}. */
  static String guess(String kind) {
    String singular = kind.toLowerCase(Locale.ROOT);
    if (singular.isEmpty()) {
      return singular;
    }
    if (singular.endsWith("s")) {
      return singular + "es";
    }
    if (singular.endsWith("y")) {
      return singular.substring(0, singular.length() - 1) + "ies";
    }
    return singular + "s";
  }
}
