package dev.umzug.engine.restore;

import dev.umzug.engine.restore.DependencyRules.Catalog;
import dev.umzug.engine.restore.DependencyRules.Reference;
import dev.umzug.engine.restore.DependencyRules.Rule;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the objects of a snapshot into a {@link RestorePlan}: each object goes to its step of
 * {@link RestoreOrder}; references found in content by {@link DependencyRules} become dependencies,
 * and a reference to an object that is not in the snapshot becomes a finding. Needs no cluster.
 */
public final class RestorePlanner {

  static final String DUPLICATE = "restore/duplicate-object";
  static final String ORDER = "restore/order-violation";

  public RestorePlan plan(List<RestoreItem> input) {
    List<Finding> findings = new ArrayList<>();
    Map<ResourceRef, RestoreItem> items = new LinkedHashMap<>();
    for (RestoreItem item : input) {
      if (items.putIfAbsent(item.ref(), item) != null) {
        findings.add(new Finding(Severity.ERROR, DUPLICATE, item.ref(), null,
            DependencyRules.display(item.ref()) + " appears more than once; only the first is restored",
            "remove the duplicate from the snapshot's source"));
      }
    }
    Catalog catalog = new Catalog(items.keySet(), crds(items));

    TreeMap<Integer, List<RestoreItem>> byStep = new TreeMap<>();
    for (RestoreItem item : items.values()) {
      byStep.computeIfAbsent(RestoreOrder.indexOf(item.ref().groupKind()), k -> new ArrayList<>()).add(item);
    }
    List<PlannedStep> steps = new ArrayList<>();
    byStep.forEach((index, list) -> {
      list.sort(Comparator.comparing(RestoreItem::ref));
      steps.add(new PlannedStep(RestoreOrder.STEPS.get(index), list));
    });

    List<Dependency> dependencies = new ArrayList<>();
    for (RestoreItem item : items.values()) {
      for (Rule rule : DependencyRules.RULES) {
        List<Reference> refs = new ArrayList<>();
        rule.extractor().extract(item, catalog, refs);
        for (Reference r : refs) {
          boolean present = r.target() != null && items.containsKey(r.target());
          if (present) {
            dependencies.add(new Dependency(item.ref(), r.target(), rule.id(), r.via()));
            checkOrder(item.ref(), r.target(), rule, findings);
          } else if (rule.whenMissing() != null) {
            findings.add(new Finding(rule.whenMissing(), rule.id(), item.ref(), r.via().toString(),
                DependencyRules.display(item.ref()) + " " + r.phrase() + " which is not in the snapshot",
                rule.reason()));
          }
        }
      }
    }
    dependencies = new ArrayList<>(dependencies.stream().distinct().sorted(Dependency.ORDER).toList());
    findings.sort(Finding.REPORT_ORDER);
    return new RestorePlan(steps, dependencies, findings.stream().distinct().toList());
  }

  private static void checkOrder(ResourceRef from, ResourceRef to, Rule rule, List<Finding> findings) {
    int fromStep = RestoreOrder.indexOf(from.groupKind());
    int toStep = RestoreOrder.indexOf(to.groupKind());
    if (toStep > fromStep) {
      findings.add(new Finding(Severity.WARNING, ORDER, from, null,
          DependencyRules.display(from) + " needs " + DependencyRules.display(to) + " (" + rule.id()
              + "), which the restore order applies later",
          "the restorer retries objects refused for a missing dependency; report the kind pair"));
    }
  }

  /** CRDs of the snapshot by the group-kind they serve ({@code spec.names.kind}.{@code spec.group}). */
  private static Map<String, ResourceRef> crds(Map<ResourceRef, RestoreItem> items) {
    Map<String, ResourceRef> crds = new HashMap<>();
    for (RestoreItem item : items.values()) {
      if (item.ref().groupKind().equals("CustomResourceDefinition.apiextensions.k8s.io")) {
        String group = item.content().path("spec").path("group").asText("");
        String kind = item.content().path("spec").path("names").path("kind").asText("");
        if (!kind.isEmpty()) {
          crds.put(group.isEmpty() ? kind : kind + "." + group, item.ref());
        }
      }
    }
    return crds;
  }
}
