package dev.umzug.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a restore finds, in an object's content, the other objects it needs: one rule per kind of
 * reference, each with the severity of a reference to an object that is not in the snapshot and the
 * reason for that severity.
 */
final class DependencyRules {

  /** A reference found in content; {@code target} is null when it cannot be resolved to a name. */
  record Reference(ResourceRef target, JsonPointer via, String phrase) {}

  /** What the extractors may look up: the objects of the snapshot, and its CRDs by served kind. */
  record Catalog(Set<ResourceRef> refs, Map<String, ResourceRef> crdsByGroupKind) {}

  @FunctionalInterface
  interface Extractor {
    void extract(RestoreItem item, Catalog catalog, List<Reference> out);
  }

  /**
   * @param whenMissing severity of the finding for a target not in the snapshot; {@code null}: the
   *     rule only yields edges to objects that are present, and a missing one is not reported
   */
  record Rule(String id, Severity whenMissing, String reason, Extractor extractor) {}

  /** ClusterRoles every cluster has; bindings to them are not expected in a snapshot. */
  private static final Set<String> BUILT_IN_CLUSTER_ROLES =
      Set.of("cluster-admin", "admin", "edit", "view");

  /** API groups served by Kubernetes itself, without a CRD. */
  private static final Set<String> BUILT_IN_GROUPS =
      Set.of("", "apps", "batch", "autoscaling", "policy");

  static final List<Rule> RULES =
      List.of(
          new Rule("restore/pod-claim", Severity.WARNING,
              "a pod mounting a claim that is not restored stays Pending", DependencyRules::claims),
          new Rule("restore/pod-service-account", Severity.WARNING,
              "a pod naming a missing ServiceAccount is refused (the namespace's default account is"
                  + " created by Kubernetes and never needed in the snapshot)",
              DependencyRules::serviceAccount),
          new Rule("restore/pod-configuration", Severity.WARNING,
              "a pod needing a missing ConfigMap or Secret (not marked optional) does not start",
              PodConfigReferences::extract),
          new Rule("restore/statefulset-claims", null,
              "claims of a StatefulSet's volumeClaimTemplates are created by its controller when"
                  + " absent; when the snapshot has them, their data must be restored first",
              DependencyRules::statefulSetClaims),
          new Rule("restore/route-backend", Severity.WARNING,
              "a route to a missing Service, or TLS with a missing Secret, fails at request time",
              RouteReferences::extract),
          new Rule("restore/role-binding-role", Severity.WARNING,
              "a binding to a missing role grants nothing; built-in ClusterRoles (cluster-admin,"
                  + " admin, edit, view, system:*) exist on every cluster",
              DependencyRules::roleRef),
          new Rule("restore/claim-storage-class", Severity.INFO,
              "StorageClasses usually come with the target provider (a plan rule maps them); the"
                  + " restorer checks that the class exists on the target",
              DependencyRules::storageClass),
          new Rule("restore/custom-resource-definition", Severity.WARNING,
              "a custom resource cannot be created unless the target serves its CRD; when the CRD is"
                  + " not in the snapshot it must be installed on the target first",
              DependencyRules::crd));

  private DependencyRules() {}

  static String display(ResourceRef ref) {
    return ref.kind() + " " + (ref.namespace() == null ? ref.name() : ref.namespace() + "/" + ref.name());
  }

  static boolean isBuiltInGroup(String group) {
    return BUILT_IN_GROUPS.contains(group) || group.endsWith(".k8s.io") || group.equals("k8s.io");
  }

  static ResourceRef core(String kind, ResourceRef from, String name) {
    return new ResourceRef("", kind, from.namespace(), name);
  }

  private static void claims(RestoreItem item, Catalog catalog, List<Reference> out) {
    PodSpecs.locate(item.ref()).ifPresent(spec -> {
      JsonNode volumes = PodSpecs.at(item.content(), spec.append("volumes"));
      for (int i = 0; i < volumes.size(); i++) {
        String claim = volumes.get(i).path("persistentVolumeClaim").path("claimName").asText("");
        if (!claim.isEmpty()) {
          out.add(new Reference(core("PersistentVolumeClaim", item.ref(), claim),
              spec.append("volumes", i, "persistentVolumeClaim", "claimName"), "mounts PVC " + claim));
        }
      }
    });
  }

  private static void serviceAccount(RestoreItem item, Catalog catalog, List<Reference> out) {
    PodSpecs.locate(item.ref()).ifPresent(spec -> {
      JsonNode podSpec = PodSpecs.at(item.content(), spec);
      String field = podSpec.hasNonNull("serviceAccountName") ? "serviceAccountName" : "serviceAccount";
      String name = podSpec.path(field).asText("");
      if (!name.isEmpty() && !name.equals("default")) {
        out.add(new Reference(core("ServiceAccount", item.ref(), name), spec.append(field),
            "runs as ServiceAccount " + name));
      }
    });
  }

  private static void statefulSetClaims(RestoreItem item, Catalog catalog, List<Reference> out) {
    if (!item.ref().groupKind().equals("StatefulSet.apps")) {
      return;
    }
    JsonNode templates = item.content().path("spec").path("volumeClaimTemplates");
    for (int i = 0; i < templates.size(); i++) {
      String prefix = templates.get(i).path("metadata").path("name").asText("") + "-" + item.ref().name() + "-";
      for (ResourceRef ref : catalog.refs()) {
        if (ref.groupKind().equals("PersistentVolumeClaim") && java.util.Objects.equals(ref.namespace(), item.ref().namespace())
            && ref.name().startsWith(prefix) && ref.name().substring(prefix.length()).matches("[0-9]+")) {
          out.add(new Reference(ref, JsonPointer.of("spec", "volumeClaimTemplates", i), "claims PVC " + ref.name()));
        }
      }
    }
  }

  private static void roleRef(RestoreItem item, Catalog catalog, List<Reference> out) {
    String gk = item.ref().groupKind();
    if (!gk.equals("RoleBinding.rbac.authorization.k8s.io") && !gk.equals("ClusterRoleBinding.rbac.authorization.k8s.io")) {
      return;
    }
    JsonNode roleRef = item.content().path("roleRef");
    String kind = roleRef.path("kind").asText("");
    String name = roleRef.path("name").asText("");
    if (name.isEmpty() || !(kind.equals("Role") || kind.equals("ClusterRole"))) {
      return;
    }
    if (kind.equals("ClusterRole") && (BUILT_IN_CLUSTER_ROLES.contains(name) || name.startsWith("system:"))) {
      return;
    }
    String ns = kind.equals("Role") ? item.ref().namespace() : null;
    out.add(new Reference(new ResourceRef("rbac.authorization.k8s.io", kind, ns, name),
        JsonPointer.of("roleRef", "name"), "binds " + kind + " " + name));
  }

  private static void storageClass(RestoreItem item, Catalog catalog, List<Reference> out) {
    if (!item.ref().groupKind().equals("PersistentVolumeClaim")) {
      return;
    }
    String name = item.content().path("spec").path("storageClassName").asText("");
    if (!name.isEmpty()) {
      out.add(new Reference(new ResourceRef("storage.k8s.io", "StorageClass", null, name),
          JsonPointer.of("spec", "storageClassName"), "uses StorageClass " + name));
    }
  }

  private static void crd(RestoreItem item, Catalog catalog, List<Reference> out) {
    ResourceRef ref = item.ref();
    ResourceRef crd = catalog.crdsByGroupKind().get(ref.groupKind());
    if (crd != null) {
      out.add(new Reference(crd, JsonPointer.root(), "is served by CRD " + crd.name()));
    } else if (!isBuiltInGroup(ref.group())) {
      out.add(new Reference(null, JsonPointer.root(), "needs the CustomResourceDefinition of " + ref.groupKind()));
    }
  }
}
