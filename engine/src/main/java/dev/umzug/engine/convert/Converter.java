package dev.umzug.engine.convert;

import dev.umzug.engine.inventory.IndexedInventory;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.rewrite.RewriteEngine;
import dev.umzug.engine.rewrite.SimpleRewriteContext;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Severity;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts every object of a source for a target provider, streaming: a first pass reads the
 * source once, builds the inventory (references, and the content of the few kinds other objects
 * refer to) and spills the objects to a binary temporary file; a second pass reads them back and
 * rewrites and writes one object at a time. Memory does not grow with the size of the objects, only
 * by one reference per object; findings stream to the listener and are only counted here.
 */
public final class Converter {

  private static final Logger logger = LoggerFactory.getLogger(Converter.class);

  /** Rule id under which the converter reports its own findings. */
  public static final String CONVERTER_ID = "engine/convert";

  public ConvertSummary run(ConvertRequest request, ConvertListener listener) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    IndexedInventory.Builder inventory = IndexedInventory.builder();
    Map<ResourceRef, String> firstLocation = new HashMap<>();
    try (SpillFile spill = new SpillFile()) {
      read(
          request,
          item -> {
            ResourceView view = ResourceView.of(item.object(), item.location());
            if (inventory.add(view)) {
              firstLocation.put(view.ref(), item.location());
            }
            spill.write(item);
          },
          problem -> {
            counts.merge(problem.severity(), 1L, Long::sum);
            listener.onProblem(problem);
          });
      logger.debug("inventory of {} objects from {}", spill.count(), request.source().describe());

      RewriteEngine engine =
          new RewriteEngine(
              request.rules(),
              new SimpleRewriteContext(
                  request.sourceProfile(), request.targetProfile(), request.mappings(),
                  inventory.build()));
      Totals totals = new Totals();
      StagedOutput output =
          request.output() == null ? null : StagedOutput.open(request.output(), request.overwrite());
      try {
        spill.read(
            item -> {
              ResourceView view = ResourceView.of(item.object(), item.location());
              ObjectOutcome outcome = outcomeOf(view, firstLocation, request, engine);
              String path = null;
              if (outcome.status() == ObjectOutcome.Status.CONVERTED && output != null) {
                path = OutputLayout.pathOf(outcome.targetRef());
                output.write(path, outcome.result());
              }
              totals.add(outcome);
              outcome.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
              listener.onObject(outcome, path);
            });
        if (output != null) {
          output.commit();
        }
      } finally {
        if (output != null) {
          output.close();
        }
      }
      return new ConvertSummary(
          totals.objects, totals.converted, totals.dropped, totals.failed, totals.blocked, counts,
          engine.rules().stream().map(RewriteRule::id).toList(),
          output == null ? null : request.output());
    }
  }

  private static ObjectOutcome outcomeOf(
      ResourceView view,
      Map<ResourceRef, String> firstLocation,
      ConvertRequest request,
      RewriteEngine engine) {
    String first = firstLocation.get(view.ref());
    if (!view.location().equals(first)) {
      Finding duplicate =
          new Finding(
              Severity.ERROR, CONVERTER_ID, view.ref(), view.location(),
              "the same object is also defined at " + first + "; this copy was not converted",
              "keep one definition of the object");
      return new ObjectOutcome(
          view.ref(), view.ref(), view.location(), ObjectOutcome.Status.FAILED, null, List.of(),
          List.of(), List.of(duplicate));
    }
    if (!request.namespaces().isEmpty() && !inNamespaces(view.ref(), request)) {
      return new ObjectOutcome(
          view.ref(), view.ref(), view.location(), ObjectOutcome.Status.DROPPED, null, List.of(),
          List.of("not in the plan's namespaces"), List.of());
    }
    return engine.rewrite(view);
  }

  private static boolean inNamespaces(ResourceRef ref, ConvertRequest request) {
    if (ref.group().isEmpty() && ref.kind().equals("Namespace")) {
      return request.namespaces().contains(ref.name());
    }
    return ref.namespace() == null || request.namespaces().contains(ref.namespace());
  }

  private static void read(
      ConvertRequest request,
      java.util.function.Consumer<dev.umzug.engine.spi.SourceItem> items,
      java.util.function.Consumer<Finding> problems) {
    try {
      request.source().read(items, problems);
    } catch (IOException e) {
      throw new dev.umzug.engine.error.InvalidInputException(
          request.source().describe() + ": cannot read: " + StagedOutput.reason(e), e);
    }
  }

  private static final class Totals {
    long objects;
    long converted;
    long dropped;
    long failed;
    long blocked;

    void add(ObjectOutcome outcome) {
      objects++;
      switch (outcome.status()) {
        case CONVERTED -> converted++;
        case DROPPED -> dropped++;
        case FAILED -> failed++;
      }
      if (outcome.status() == ObjectOutcome.Status.CONVERTED && outcome.blocked()) {
        blocked++;
      }
    }
  }
}
