package dev.umzug.engine.rewrite.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.plan.RuleAction;
import dev.umzug.engine.plan.RuleAction.DropAction;
import dev.umzug.engine.plan.RuleAction.JsonPatchAction;
import dev.umzug.engine.plan.RuleAction.MergePatchAction;
import dev.umzug.engine.plan.RuleAction.ReplaceAction;
import dev.umzug.engine.plan.RuleSpec;
import dev.umzug.engine.rewrite.PatchApplier;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule the operator wrote in the plan (or in a Velero resource-modifier file the plan names).
 * It sees every kind, matches in {@link #apply}, and runs its actions in order, each against the
 * object as the actions before it left it; the answer is one patch against the object as read.
 *
 * <p>A JSON patch whose {@code test} fails means the rule does not apply to the object: an info
 * finding, no change. Any other operation that does not fit the object (a path that is not there)
 * is a warning and no change, never a failed object. Runs at {@link RewriteRule#PRIORITY_USER} plus
 * its position in the plan, so user rules run last and in plan order, and win overlaps (see {@link
 * dev.umzug.engine.rewrite.RewriteEngine}).
 */
public final class UserRule implements RewriteRule {

  private final RuleSpec spec;
  private final int priority;
  private final RuleMatcher matcher;
  private final List<Object> actions;

  /**
   * @param spec the rule as read from the plan
   * @param position its position among the plan's rules, counting from 0
   */
  public UserRule(RuleSpec spec, int position) {
    this.spec = spec;
    this.priority = PRIORITY_USER + position;
    this.matcher = new RuleMatcher(spec.match());
    List<Object> compiled = new ArrayList<>();
    for (RuleAction action : spec.actions()) {
      compiled.add(action instanceof ReplaceAction replace ? new ValueReplacer(replace) : action);
    }
    this.actions = List.copyOf(compiled);
  }

  public RuleSpec spec() {
    return spec;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public String description() {
    return spec.description().orElse("user rule from " + spec.origin());
  }

  @Override
  public int priority() {
    return priority;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.all();
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    if (!matcher.matches(resource, context)) {
      return RewriteResult.unchanged();
    }
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    ObjectNode working = ((ObjectNode) resource.json()).deepCopy();
    List<PatchOp> patch = new ArrayList<>();
    for (Object action : actions) {
      if (action instanceof JsonPatchAction jsonPatch) {
        for (PatchOp op : jsonPatch.ops()) {
          if (op.op() == PatchOp.Op.TEST) {
            if (!testHolds(working, op)) {
              return RewriteResult.builder(this, resource)
                  .info("rule " + spec.name() + " does not apply: test of " + op.path() + " failed")
                  .build();
            }
            continue;
          }
          if (!applyTo(working, op, result)) {
            return result.build();
          }
          patch.add(op);
        }
      } else if (action instanceof MergePatchAction merge) {
        List<PatchOp> ops = MergePatches.toOps(working, merge.patch());
        for (PatchOp op : ops) {
          if (!applyTo(working, op, result)) {
            return result.build();
          }
        }
        patch.addAll(ops);
        if (merge.strategic() && !ops.isEmpty()) {
          strategicCaveat(result, merge);
        }
      } else if (action instanceof ValueReplacer replacer) {
        List<PatchOp> ops = replacer.ops(working);
        for (PatchOp op : ops) {
          applyTo(working, op, result);
        }
        patch.addAll(ops);
      } else if (action instanceof DropAction drop) {
        result.drop(drop.reason() + " (rule " + spec.name() + ")");
      }
    }
    return result.patch(patch).build();
  }

  private static boolean testHolds(ObjectNode working, PatchOp test) {
    var node = working.at(com.fasterxml.jackson.core.JsonPointer.compile(test.path().toString()));
    return !node.isMissingNode() && JsonValues.same(node, test.value());
  }

  /** Applies one operation to the working copy; false, with a warning, when it does not fit. */
  private boolean applyTo(ObjectNode working, PatchOp op, RewriteResult.Builder result) {
    try {
      PatchApplier.apply(working, op);
      return true;
    } catch (PatchApplier.PatchException e) {
      result.warning(
          "rule " + spec.name() + " does not apply: " + e.getMessage(),
          "check the rule's paths against this object, or narrow its match (" + spec.origin() + ")");
      return false;
    }
  }

  private void strategicCaveat(RewriteResult.Builder result, MergePatchAction merge) {
    if (MergePatches.hasList(merge.patch())) {
      result.warning(
          "strategic merge patch applied as a JSON merge patch: its lists replace the object's lists"
              + " whole instead of merging items by key (e.g. containers by name)",
          "write the whole list in the patch, or use a jsonPatch or replace action for single items");
    } else {
      result.info("strategic merge patch applied as a JSON merge patch (it has no lists, so the result is the same)");
    }
  }

  /** Shown in lists of rules. */
  @Override
  public String toString() {
    return id() + " (" + spec.origin() + ")";
  }

}
