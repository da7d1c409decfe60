package dev.umzug.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of one Kubernetes object as it came from the source. Rules read through it and
 * answer with patches; they must never modify the nodes they read (the engine's tests check this).
 */
public final class ResourceView {

  private final ObjectNode object;
  private final ResourceRef ref;
  private final String location;

  public ResourceView(ObjectNode object, ResourceRef ref, String location) {
    this.object = object;
    this.ref = ref;
    this.location = location;
  }

  /** Builds a view, deriving the reference from the object's own metadata. */
  public static ResourceView of(ObjectNode object, String location) {
    JsonNode md = object.path("metadata");
    ResourceRef ref =
        ResourceRef.of(
            object.path("apiVersion").asText(""),
            object.path("kind").asText(""),
            md.path("namespace").asText(null),
            md.path("name").asText(""));
    return new ResourceView(object, ref, location);
  }

  public ResourceRef ref() {
    return ref;
  }

  /** Where the object was read from, e.g. {@code app/web.yaml#2}. */
  public String location() {
    return location;
  }

  public String apiVersion() {
    return object.path("apiVersion").asText("");
  }

  public String kind() {
    return ref.kind();
  }

  public String group() {
    return ref.group();
  }

  public boolean is(String group, String kind) {
    return ref.group().equals(group) && ref.kind().equals(kind);
  }

  /** The node at a pointer, or a missing node. Do not modify it. */
  public JsonNode at(JsonPointer pointer) {
    JsonNode node = object;
    for (String segment : pointer.segments()) {
      if (node.isObject()) {
        node = node.path(segment);
      } else if (node.isArray()) {
        try {
          node = node.path(Integer.parseInt(segment));
        } catch (NumberFormatException e) {
          return MissingNode.getInstance();
        }
      } else {
        return MissingNode.getInstance();
      }
    }
    return node;
  }

  public boolean has(JsonPointer pointer) {
    return !at(pointer).isMissingNode();
  }

  /** Text at a pointer if it is a scalar. */
  public Optional<String> text(JsonPointer pointer) {
    JsonNode node = at(pointer);
    return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
  }

  public Map<String, String> annotations() {
    return stringMap(object.path("metadata").path("annotations"));
  }

  public Map<String, String> labels() {
    return stringMap(object.path("metadata").path("labels"));
  }

  /** The whole object. Do not modify it. */
  public JsonNode json() {
    return object;
  }

  /** Reads a JSON object of scalars as an unmodifiable ordered map; other values are skipped. */
  public static Map<String, String> stringMap(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                map.put(e.getKey(), e.getValue().asText());
              }
            });
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return ref + (location == null ? "" : " (" + location + ")");
  }
}
