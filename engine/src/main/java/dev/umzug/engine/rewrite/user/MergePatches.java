package dev.umzug.engine.rewrite.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an RFC 7386 JSON merge patch into the RFC 6902 operations that have the same effect on one
 * object, so that a merge patch is merged, audited and conflict-checked like every other patch: a
 * {@code null} removes a member (nothing when it is absent), an object merges into an object member
 * recursively, and any other value (a list too) replaces the member or is added, with the {@code
 * null}s inside it left out.
 */
final class MergePatches {

  private MergePatches() {}

  static List<PatchOp> toOps(JsonNode target, ObjectNode patch) {
    List<PatchOp> ops = new ArrayList<>();
    merge(target, patch, JsonPointer.root(), ops);
    return ops;
  }

  /** {@code ObjectNode.isContainerNode} holds; {@code target} is an object at {@code at}. */
  private static void merge(JsonNode target, ObjectNode patch, JsonPointer at, List<PatchOp> ops) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      JsonPointer path = at.append(member.getKey());
      JsonNode current = target.get(member.getKey());
      JsonNode value = member.getValue();
      if (value.isNull()) {
        if (current != null) {
          ops.add(PatchOp.remove(path));
        }
      } else if (value.isObject() && current != null && current.isObject()) {
        merge(current, (ObjectNode) value, path, ops);
      } else {
        JsonNode cleaned = withoutNulls(value);
        if (current == null) {
          ops.add(PatchOp.add(path, cleaned));
        } else if (!current.equals(cleaned)) {
          ops.add(PatchOp.replace(path, cleaned));
        }
      }
    }
  }

  /** A value merged into nothing: objects lose their null members, recursively (RFC 7386). */
  private static JsonNode withoutNulls(JsonNode value) {
    if (!value.isObject()) {
      return value;
    }
    ObjectNode copy = ((ObjectNode) value).objectNode();
    value.fields().forEachRemaining(e -> {
      if (!e.getValue().isNull()) {
        copy.set(e.getKey(), withoutNulls(e.getValue()));
      }
    });
    return copy;
  }

  /** Whether a patch holds a list anywhere: there a strategic merge would merge, this one replaces. */
  static boolean hasList(JsonNode patch) {
    if (patch.isArray()) {
      return true;
    }
    for (JsonNode child : patch) {
      if (hasList(child)) {
        return true;
      }
    }
    return false;
  }
}
