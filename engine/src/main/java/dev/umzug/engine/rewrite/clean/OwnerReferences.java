package dev.umzug.engine.rewrite.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading {@code metadata.ownerReferences}. */
final class OwnerReferences {

  static final JsonPointer POINTER = JsonPointer.of("metadata", "ownerReferences");

  private OwnerReferences() {}

  static List<JsonNode> all(ResourceView view) {
    List<JsonNode> refs = new ArrayList<>();
    JsonNode node = view.at(POINTER);
    if (node.isArray()) {
      node.forEach(refs::add);
    }
    return refs;
  }

  /** The reference marked {@code controller: true}, if any (there is at most one). */
  static Optional<JsonNode> controller(ResourceView view) {
    return all(view).stream().filter(r -> r.path("controller").asBoolean(false)).findFirst();
  }

  /** The owner as a reference; owners share the namespace of the object, unless cluster-scoped. */
  static ResourceRef owner(JsonNode ref, String namespace) {
    return ResourceRef.of(
        ref.path("apiVersion").asText(""),
        ref.path("kind").asText(""),
        namespace,
        ref.path("name").asText(""));
  }

  /** {@code Deployment web}, for messages. */
  static String describe(JsonNode ref) {
    return ref.path("kind").asText("?") + " " + ref.path("name").asText("?");
  }
}
