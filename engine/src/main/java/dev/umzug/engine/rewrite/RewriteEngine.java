package dev.umzug.engine.rewrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.Disposition;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Runs rules over objects. Rules run in a stable order (priority, then id); each sees the object as
 * read from the source, never another rule's output. Their patches are merged: an operation equal to
 * one already taken is a duplicate and ignored; a rule whose patch touches a path that an earlier
 * rule already changed (the same path, or one inside the other) loses its whole patch, and the
 * conflict becomes a warning naming both rules.
 *
 * <p>The operator's own rules ({@link RewriteRule#PRIORITY_USER} and above) are the exception: they
 * win. Their operations replace the earlier operations they overlap, those earlier operations are
 * not applied, and each override is reported as an info finding naming both rules.
 */
public final class RewriteEngine {

  /** The rule id under which the engine reports its own findings. */
  public static final String ENGINE_ID = "engine/merge-patches";

  public static final Comparator<RewriteRule> ORDER =
      Comparator.comparingInt(RewriteRule::priority).thenComparing(RewriteRule::id);

  private final List<RewriteRule> rules;
  private final RewriteContext context;
  private final java.util.Map<String, List<RewriteRule>> rulesByKind =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param rules every rule that may run; those not {@link RewriteRule#relevantFor relevant} to the
   *     context's provider pair are left out here, once
   */
  public RewriteEngine(Collection<? extends RewriteRule> rules, RewriteContext context) {
    this.context = context;
    this.rules =
        rules.stream()
            .filter(r -> r.relevantFor(context.source(), context.target()))
            .sorted(ORDER)
            .map(RewriteRule.class::cast)
            .toList();
    checkUniqueIds(this.rules);
  }

  /** The rules that run, in the order they run. */
  public List<RewriteRule> rules() {
    return rules;
  }

  public RewriteContext context() {
    return context;
  }

  /** Rewrites one object. Never throws for a misbehaving rule: that becomes a failed outcome. */
  public ObjectOutcome rewrite(ResourceView view) {
    List<Finding> findings = new ArrayList<>();
    List<AppliedChange> accepted = new ArrayList<>();
    List<String> dropReasons = new ArrayList<>();
    List<String> droppedBy = new ArrayList<>();
    boolean failed = false;
    for (RewriteRule rule : rulesFor(view.ref())) {
      RewriteResult result;
      try {
        result = rule.apply(view, context);
      } catch (RuntimeException e) {
        findings.add(
            new Finding(
                Severity.ERROR,
                rule.id(),
                view.ref(),
                view.location(),
                "rule failed on this object: " + describe(e),
                "report this as a bug in rule " + rule.id()));
        failed = true;
        continue;
      }
      findings.addAll(result.findings());
      if (result.disposition() == Disposition.DROP) {
        dropReasons.add(result.dropReason());
        droppedBy.add(rule.id());
      }
      merge(rule, result.patch(), accepted, findings, view);
    }
    if (failed) {
      return new ObjectOutcome(
          view.ref(), view.ref(), view.location(), ObjectOutcome.Status.FAILED, null, List.of(),
          List.of(), findings);
    }
    if (!dropReasons.isEmpty()) {
      return new ObjectOutcome(
          view.ref(), view.ref(), view.location(), ObjectOutcome.Status.DROPPED, null, List.of(),
          dropReasons, findings, droppedBy);
    }
    ObjectNode result = ((ObjectNode) view.json()).deepCopy();
    for (AppliedChange change : accepted) {
      try {
        PatchApplier.apply(result, change.op());
      } catch (PatchApplier.PatchException e) {
        findings.add(
            new Finding(
                Severity.ERROR,
                change.ruleId(),
                view.ref(),
                view.location(),
                "patch does not fit the object: " + e.getMessage(),
                "report this as a bug in rule " + change.ruleId()));
        return new ObjectOutcome(
            view.ref(), view.ref(), view.location(), ObjectOutcome.Status.FAILED, null,
            List.of(), List.of(), findings);
      }
    }
    Tidy.pruneEmptyMetadataMaps(result, accepted);
    ResourceRef targetRef = ResourceView.of(result, view.location()).ref();
    return new ObjectOutcome(
        view.ref(), targetRef, view.location(), ObjectOutcome.Status.CONVERTED, result, accepted,
        List.of(), findings);
  }

  /** The rules whose selector matches a kind, in run order; worked out once per kind. */
  private List<RewriteRule> rulesFor(ResourceRef ref) {
    return rulesByKind.computeIfAbsent(
        ref.group() + "/" + ref.kind(),
        k -> rules.stream().filter(r -> r.appliesTo().matches(ref.group(), ref.kind())).toList());
  }

  private static void merge(
      RewriteRule rule,
      List<PatchOp> patch,
      List<AppliedChange> accepted,
      List<Finding> findings,
      ResourceView view) {
    boolean overrides = rule.priority() >= RewriteRule.PRIORITY_USER;
    List<AppliedChange> mine = new ArrayList<>(patch.size());
    java.util.Map<String, List<AppliedChange>> overridden = new java.util.TreeMap<>();
    for (PatchOp op : patch) {
      boolean duplicate = false;
      for (int i = 0; i < accepted.size(); i++) {
        AppliedChange taken = accepted.get(i);
        if (taken.op().equals(op)) {
          duplicate = true;
          break;
        }
        if (interferes(taken.op(), op)) {
          if (overrides) {
            overridden.computeIfAbsent(taken.ruleId(), k -> new ArrayList<>()).add(taken);
            continue;
          }
          findings.add(
              new Finding(
                  Severity.WARNING,
                  ENGINE_ID,
                  view.ref(),
                  view.location(),
                  "rule "
                      + rule.id()
                      + " wanted to "
                      + op.op().wireName()
                      + " "
                      + op.path()
                      + " which rule "
                      + taken.ruleId()
                      + " already changed; none of "
                      + rule.id()
                      + "'s changes to this object were applied",
                  "check the result and, if needed, add a user rule for " + op.path()));
          return;
        }
      }
      if (!duplicate) {
        mine.add(new AppliedChange(rule.id(), op));
      }
    }
    overridden.forEach(
        (loser, changes) -> {
          accepted.removeAll(changes);
          findings.add(
              new Finding(
                  Severity.INFO,
                  ENGINE_ID,
                  view.ref(),
                  view.location(),
                  "user rule "
                      + rule.id()
                      + " overrides rule "
                      + loser
                      + ": "
                      + loser
                      + "'s "
                      + String.join(
                          ", ",
                          changes.stream()
                              .distinct()
                              .map(c -> c.op().op().wireName() + " " + c.op().path())
                              .toList())
                      + " not applied",
                  ""));
        });
    accepted.addAll(mine);
  }

  private static boolean interferes(PatchOp a, PatchOp b) {
    if (a.op() == PatchOp.Op.TEST || b.op() == PatchOp.Op.TEST) {
      return false;
    }
    return a.path().overlaps(b.path())
        || (a.from() != null && a.from().overlaps(b.path()))
        || (b.from() != null && b.from().overlaps(a.path()));
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static void checkUniqueIds(List<RewriteRule> rules) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (RewriteRule rule : rules) {
      if (!seen.add(rule.id())) {
        throw new IllegalStateException("two rules share the id " + rule.id());
      }
    }
  }
}
