package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.convert.ConvertRequest;
import dev.umzug.engine.convert.ConvertSummary;
import dev.umzug.engine.convert.Converter;
import dev.umzug.engine.restore.RestoreItem;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a restore intends: the snapshot's objects rewritten for the target by the same engine as
 * {@code convert} (so the same plan and snapshot always give the same intent, which is how verify
 * recomputes it), the objects the plan's rules dropped that must not be on the target, and the
 * findings. Namespaces that objects live in but that the snapshot lacks are added as plain
 * Namespace objects.
 *
 * @param items the objects to apply, by reference
 * @param mustBeAbsent objects a provider or user rule dropped on purpose (vendor resources, user
 *     drops); objects dropped because the target makes its own (Endpoints, default ServiceAccount,
 *     children of controllers, rule ids {@code clean/*}) are not in it
 * @param findings what the rules said, and the namespaces added
 * @param summary the conversion's counts
 */
public record RestoreIntent(
    List<RestoreItem> items, Set<ResourceRef> mustBeAbsent, List<Finding> findings, ConvertSummary summary) {

  public static final String RULE_ID = "restore/intent";

  public RestoreIntent {
    items = List.copyOf(items);
    mustBeAbsent = Set.copyOf(mustBeAbsent);
    findings = List.copyOf(findings);
  }

  /** Objects with a blocker finding: a restore refuses to start while there are any. */
  public long blocked() {
    return summary.blocked();
  }

  /** Rewrites the request's source (usually a {@link dev.umzug.engine.snapshot.SnapshotObjectSource}). */
  public static RestoreIntent build(ConvertRequest request) {
    Map<ResourceRef, RestoreItem> items = new TreeMap<>();
    Set<ResourceRef> absent = new TreeSet<>();
    List<Finding> findings = new ArrayList<>();
    ConvertSummary summary = new Converter().run(request, new ConvertListener() {
      @Override
      public void onProblem(Finding finding) {
        findings.add(finding);
      }

      @Override
      public void onObject(ObjectOutcome outcome, String outputPath) {
        findings.addAll(outcome.findings());
        if (outcome.status() == ObjectOutcome.Status.CONVERTED) {
          items.put(outcome.targetRef(), new RestoreItem(outcome.targetRef(), outcome.result()));
        } else if (outcome.status() == ObjectOutcome.Status.DROPPED
            && outcome.droppedBy().stream().anyMatch(id -> !id.startsWith("clean/"))) {
          absent.add(outcome.targetRef());
        }
      }
    });
    Set<String> namespaces = new TreeSet<>();
    items.keySet().forEach(r -> {
      if (r.isNamespaced()) {
        namespaces.add(r.namespace());
      }
    });
    for (String ns : namespaces) {
      ResourceRef ref = new ResourceRef("", "Namespace", null, ns);
      if (!items.containsKey(ref)) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("apiVersion", "v1").put("kind", "Namespace").putObject("metadata").put("name", ns);
        items.put(ref, new RestoreItem(ref, n));
        findings.add(new Finding(Severity.INFO, RULE_ID, ref, null,
            "namespace " + ns + " is not in the snapshot; the restore creates it without labels or annotations",
            "include the Namespace object in the source if it carries labels (e.g. pod security levels)"));
      }
    }
    absent.removeAll(items.keySet());
    findings.sort(Finding.REPORT_ORDER);
    return new RestoreIntent(new ArrayList<>(items.values()), absent, findings, summary);
  }
}
