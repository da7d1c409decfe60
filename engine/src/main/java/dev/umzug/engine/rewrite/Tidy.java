package dev.umzug.engine.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.JsonPointer;
import java.util.List;

/** Small clean-ups after patching, so removed keys do not leave empty maps behind. */
final class Tidy {

  private static final List<JsonPointer> PRUNABLE =
      List.of(
          JsonPointer.of("metadata", "annotations"),
          JsonPointer.of("metadata", "labels"),
          JsonPointer.of("spec", "template", "metadata", "annotations"),
          JsonPointer.of("spec", "template", "metadata", "labels"),
          JsonPointer.of("spec", "template", "spec", "nodeSelector"),
          JsonPointer.of("spec", "nodeSelector"),
          JsonPointer.of("spec", "template", "spec", "tolerations"),
          JsonPointer.of("spec", "template", "spec", "affinity"),
          JsonPointer.of("spec", "jobTemplate", "spec", "template", "spec", "nodeSelector"));

  private Tidy() {}

  /** Removes the maps above when a change emptied them; maps that were empty in the input stay. */
  static void pruneEmptyMetadataMaps(ObjectNode object, List<AppliedChange> changes) {
    for (JsonPointer pointer : PRUNABLE) {
      boolean touched =
          changes.stream().anyMatch(c -> c.op().path().startsWith(pointer) && !c.op().path().equals(pointer));
      if (!touched) {
        continue;
      }
      JsonNode parent = object;
      for (String segment : pointer.parent().segments()) {
        parent = parent == null ? null : parent.get(segment);
      }
      if (parent instanceof ObjectNode p) {
        JsonNode value = p.get(pointer.last());
        if (value != null && value.isContainerNode() && value.isEmpty()) {
          p.remove(pointer.last());
        }
      }
    }
  }
}
