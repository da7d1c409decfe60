package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.PatchOp;
import java.util.List;
import java.util.Objects;

/** One thing a user rule does to a matching object. */
public sealed interface RuleAction
    permits RuleAction.JsonPatchAction,
        RuleAction.MergePatchAction,
        RuleAction.ReplaceAction,
        RuleAction.DropAction {

  /** RFC 6902 operations; a failing {@code test} means the rule does not apply to the object. */
  record JsonPatchAction(List<PatchOp> ops) implements RuleAction {
    public JsonPatchAction {
      ops = List.copyOf(ops);
    }
  }

  /**
   * An RFC 7386 merge patch.
   *
   * @param patch the patch, an object
   * @param strategic whether it was written as a Kubernetes strategic merge patch (Velero's {@code
   *     strategicPatches}); it is still applied as a plain merge patch, and the rule says so
   */
  record MergePatchAction(ObjectNode patch, boolean strategic) implements RuleAction {
    public MergePatchAction {
      patch = patch.deepCopy();
    }

    @Override
    public ObjectNode patch() {
      return patch.deepCopy();
    }
  }

  /**
   * A regular-expression substitution in every string value at {@code path}.
   *
   * @param path a JSON pointer in which a {@code *} segment stands for every item of a list or
   *     every value of a map
   * @param regex the expression, searched in each value
   * @param with the replacement, with {@code $1} or {@code ${name}} group references
   */
  record ReplaceAction(String path, String regex, String with) implements RuleAction {
    public ReplaceAction {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(regex, "regex");
      Objects.requireNonNull(with, "with");
    }
  }

  /** Leaves the object out of the migration, with this reason. */
  record DropAction(String reason) implements RuleAction {
    public DropAction {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
