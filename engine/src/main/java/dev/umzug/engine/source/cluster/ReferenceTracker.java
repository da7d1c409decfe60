package dev.umzug.engine.source.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Notes, while objects stream past, what the volume phase and the cluster-scoped dependencies need.
 * It keeps names and PersistentVolumeClaim summaries only, never whole objects, so its memory grows
 * with the number of claims and distinct references, not with the number of objects.
 */
final class ReferenceTracker {

  private static final Set<String> POD_TEMPLATE_KINDS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController");

  private final SortedSet<String> customResourceDefinitions = new TreeSet<>();
  private final SortedSet<String> clusterRoles = new TreeSet<>();
  private final SortedSet<String> priorityClasses = new TreeSet<>();
  private final SortedSet<String> ingressClasses = new TreeSet<>();
  private final SortedSet<String> storageClasses = new TreeSet<>();
  private final List<VolumeInventory> claims = new ArrayList<>();
  /** namespace/claim → workloads that mount it. */
  private final Map<String, SortedSet<ResourceRef>> mounts = new TreeMap<>();
  private final List<ClaimTemplate> claimTemplates = new ArrayList<>();

  synchronized void observe(ResourceType type, ObjectNode object) {
    if (!type.group().isEmpty() && type.group().contains(".")) {
      // might be a custom resource; whether a CRD serves it is asked once, after reading
      customResourceDefinitions.add(type.plural() + "." + type.group());
    }
    String namespace = object.path("metadata").path("namespace").asText(null);
    String name = object.path("metadata").path("name").asText("");
    ResourceRef ref = new ResourceRef(type.group(), type.kind(), namespace, name);
    JsonNode spec = object.path("spec");
    switch (type.group() + "/" + type.kind()) {
      case "rbac.authorization.k8s.io/RoleBinding" -> {
        JsonNode roleRef = object.path("roleRef");
        if ("ClusterRole".equals(roleRef.path("kind").asText())) {
          addText(clusterRoles, roleRef.path("name"));
        }
      }
      case "networking.k8s.io/Ingress" -> {
        addText(ingressClasses, spec.path("ingressClassName"));
        addText(ingressClasses,
            object.path("metadata").path("annotations").path("kubernetes.io/ingress.class"));
      }
      case "/PersistentVolumeClaim" -> claim(ref, object);
      case "/Pod" -> podSpec(ref, spec, isControlled(object));
      case "batch/CronJob" -> podSpec(ref, spec.path("jobTemplate").path("spec").path("template")
          .path("spec"), false);
      case "apps/StatefulSet" -> {
        podSpec(ref, spec.path("template").path("spec"), false);
        for (JsonNode template : spec.path("volumeClaimTemplates")) {
          String templateName = template.path("metadata").path("name").asText("");
          if (!templateName.isEmpty()) {
            claimTemplates.add(new ClaimTemplate(namespace, Pattern.compile(
                Pattern.quote(templateName + "-" + name + "-") + "\\d+"), ref));
          }
        }
      }
      default -> {
        if (POD_TEMPLATE_KINDS.contains(type.kind())
            && (type.group().isEmpty() || type.group().equals("apps")
                || type.group().equals("batch"))) {
          podSpec(ref, spec.path("template").path("spec"), isControlled(object));
        }
      }
    }
  }

  private void claim(ResourceRef ref, ObjectNode object) {
    JsonNode spec = object.path("spec");
    List<String> modes = new ArrayList<>();
    spec.path("accessModes").forEach(m -> modes.add(m.asText()));
    String storageClass = text(spec.path("storageClassName"));
    if (storageClass != null) {
      storageClasses.add(storageClass);
    }
    claims.add(new VolumeInventory(ref,
        text(spec.path("resources").path("requests").path("storage")),
        text(object.path("status").path("capacity").path("storage")),
        modes, storageClass, text(spec.path("volumeName")),
        spec.path("volumeMode").asText("Filesystem"), List.of()));
  }

  /**
   * @param controlled whether a controller owns the object: its controller's template is what
   *     mounts the claim, so the object itself is not counted as a workload
   */
  private void podSpec(ResourceRef workload, JsonNode podSpec, boolean controlled) {
    if (podSpec.isMissingNode()) {
      return;
    }
    addText(priorityClasses, podSpec.path("priorityClassName"));
    if (controlled) {
      return;
    }
    for (JsonNode volume : podSpec.path("volumes")) {
      String claim = text(volume.path("persistentVolumeClaim").path("claimName"));
      if (claim != null) {
        mounts.computeIfAbsent(workload.namespace() + "/" + claim, k -> new TreeSet<>())
            .add(workload);
      }
    }
  }

  private static boolean isControlled(ObjectNode object) {
    for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /** The claims read, in reading order, each with the workloads that mount it. */
  synchronized List<VolumeInventory> volumes() {
    List<VolumeInventory> out = new ArrayList<>(claims.size());
    for (VolumeInventory c : claims) {
      SortedSet<ResourceRef> by = new TreeSet<>(
          mounts.getOrDefault(c.claim().namespace() + "/" + c.claim().name(), new TreeSet<>()));
      for (ClaimTemplate t : claimTemplates) {
        if (t.namespace().equals(c.claim().namespace())
            && t.claimName().matcher(c.claim().name()).matches()) {
          by.add(t.statefulSet());
        }
      }
      out.add(new VolumeInventory(c.claim(), c.requested(), c.capacity(), c.accessModes(),
          c.storageClass(), c.volumeName(), c.volumeMode(), new ArrayList<>(by)));
    }
    return out;
  }

  /** Cluster-scoped objects to fetch, by type, names sorted. */
  synchronized Map<ResourceType, SortedSet<String>> dependencies() {
    Map<ResourceType, SortedSet<String>> out = new TreeMap<>(ResourceType.READ_ORDER);
    out.put(ResourceType.CRD, new TreeSet<>(customResourceDefinitions));
    out.put(ResourceType.CLUSTER_ROLE, new TreeSet<>(clusterRoles));
    out.put(ResourceType.PRIORITY_CLASS, new TreeSet<>(priorityClasses));
    out.put(ResourceType.INGRESS_CLASS, new TreeSet<>(ingressClasses));
    out.put(ResourceType.STORAGE_CLASS, new TreeSet<>(storageClasses));
    return out;
  }

  private static void addText(Set<String> into, JsonNode node) {
    String value = text(node);
    if (value != null) {
      into.add(value);
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  private record ClaimTemplate(String namespace, Pattern claimName, ResourceRef statefulSet) {}
}
