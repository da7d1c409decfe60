package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.plan.ConflictPolicy;
import dev.umzug.engine.restore.RestoreItem;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the target before anything is written: every type of the intent is served (or defined by
 * a CRD the restore creates first), every StorageClass (of claims and of StatefulSet claim
 * templates), IngressClass and PriorityClass the objects name exists, and every namespace is free, or the conflict policy allows restoring into an
 * existing one. A {@link Severity#BLOCKER} finding stops the restore; a dry run reports them all.
 */
public final class Preflight {

  public static final String RULE_ID = "restore/preflight";

  private final Target target;
  private final Retrier retrier;

  public Preflight(Target target, Retrier retrier) {
    this.target = target;
    this.retrier = retrier;
  }

  /**
   * @param journal the restore's journal, or null: namespaces it records as applied, or as started
   *     with no result (a crash came between the create and its result), are ours, not occupied
   */
  public List<Finding> check(List<RestoreItem> items, ConflictPolicy policy, RestoreJournal journal) {
    List<Finding> out = new ArrayList<>();
    Set<String> definedHere = new TreeSet<>();
    for (RestoreItem item : items) {
      if (item.ref().groupKind().equals("CustomResourceDefinition.apiextensions.k8s.io")) {
        JsonNode spec = item.content().path("spec");
        spec.path("versions").forEach(v -> definedHere.add(
            spec.path("group").asText() + "/" + v.path("name").asText() + " " + spec.path("names").path("kind").asText()));
      }
    }
    Map<String, ResourceRef> types = new TreeMap<>();
    Map<String, ResourceRef> storageClasses = new TreeMap<>();
    Map<String, ResourceRef> ingressClasses = new TreeMap<>();
    Map<String, ResourceRef> priorityClasses = new TreeMap<>();
    for (RestoreItem item : items) {
      if (ClusterScopedPolicy.of(item.ref()) == ClusterScopedPolicy.Treatment.NOT_RESTORED) {
        continue;
      }
      JsonNode c = item.content();
      types.putIfAbsent(c.path("apiVersion").asText() + " " + c.path("kind").asText(), item.ref());
      String kind = item.ref().groupKind();
      if (kind.equals("PersistentVolumeClaim")) {
        name(c.path("spec").path("storageClassName")).ifPresent(n -> storageClasses.putIfAbsent(n, item.ref()));
      } else if (kind.equals("StatefulSet.apps")) {
        // the claims its pods get are made from these templates by the target's controller
        c.path("spec").path("volumeClaimTemplates").forEach(t -> name(t.path("spec").path("storageClassName"))
            .ifPresent(n -> storageClasses.putIfAbsent(n, item.ref())));
      } else if (kind.equals("Ingress.networking.k8s.io")) {
        name(c.path("spec").path("ingressClassName")).ifPresent(n -> ingressClasses.putIfAbsent(n, item.ref()));
      }
      Workloads.podSpec(ResourceView.of((com.fasterxml.jackson.databind.node.ObjectNode) c, "restore"))
          .map(p -> c.at(p.toString()))
          .flatMap(spec -> name(spec.path("priorityClassName")))
          .ifPresent(n -> priorityClasses.putIfAbsent(n, item.ref()));
    }
    types.forEach((type, ref) -> {
      String[] parts = type.split(" ", 2);
      if (!definedHere.contains(type) && !retrier.call(() -> target.serves(parts[0], parts[1]))) {
        out.add(new Finding(Severity.BLOCKER, RULE_ID, ref, null,
            "the target does not serve " + parts[1] + " at " + parts[0],
            "install the API (CRD or operator) on the target first, or drop these objects with a rule"));
      }
    });
    exists(storageClasses, "storage.k8s.io", "StorageClass", Severity.BLOCKER,
        "map it to one of the target's classes in spec.mappings.storageClasses", out);
    exists(ingressClasses, "networking.k8s.io", "IngressClass", Severity.BLOCKER,
        "map it in spec.mappings.ingressClasses, or install the ingress controller that defines it", out);
    exists(priorityClasses, "scheduling.k8s.io", "PriorityClass", Severity.ERROR,
        "create the PriorityClass on the target, or its pods are refused", out);
    namespaces(items, policy, journal, out);
    out.sort(Finding.REPORT_ORDER);
    return out;
  }

  private void namespaces(List<RestoreItem> items, ConflictPolicy policy, RestoreJournal journal, List<Finding> out) {
    for (RestoreItem item : items) {
      if (!item.ref().groupKind().equals("Namespace")) {
        continue;
      }
      Optional<com.fasterxml.jackson.databind.node.ObjectNode> live = retrier.call(() -> target.get(item.ref(), "v1"));
      if (live.isEmpty()) {
        continue;
      }
      if (live.get().path("metadata").has("deletionTimestamp")
          || live.get().path("status").path("phase").asText().equals("Terminating")) {
        out.add(new Finding(Severity.BLOCKER, RULE_ID, item.ref(), null,
            "namespace " + item.ref().name() + " is being deleted on the target (Terminating) and refuses new objects",
            "wait until it is gone, or restore into another namespace with spec.namespaces[].renameTo"));
      } else if (policy == ConflictPolicy.FAIL && (journal == null || !journal.mayHaveApplied(item.ref()))) {
        out.add(new Finding(Severity.BLOCKER, RULE_ID, item.ref(), null,
            "namespace " + item.ref().name() + " already exists on the target, and conflict policy fail restores only"
                + " into free namespaces",
            "rename it with spec.namespaces[].renameTo, or set spec.conflictPolicy to skip or update"));
      }
    }
  }

  private void exists(Map<String, ResourceRef> names, String group, String kind, Severity severity, String fix,
      List<Finding> out) {
    names.forEach((name, user) -> {
      ResourceRef ref = new ResourceRef(group, kind, null, name);
      if (retrier.call(() -> target.get(ref, group + "/v1")).isEmpty()) {
        out.add(new Finding(severity, RULE_ID, user, null,
            kind + " '" + name + "' does not exist on the target (" + user + " names it)", fix));
      }
    });
  }

  private static Optional<String> name(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
  }
}
