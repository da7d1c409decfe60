package dev.umzug.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One RFC 6902 JSON-patch operation. Build with the static factories; the value is copied so that
 * a rule cannot change it afterwards.
 */
public record PatchOp(Op op, JsonPointer path, JsonPointer from, JsonNode value) {

  /** The six RFC 6902 operations. */
  public enum Op {
    ADD, REMOVE, REPLACE, MOVE, COPY, TEST;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public PatchOp {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(path, "path");
    value = value == null ? null : value.deepCopy();
  }

  public static PatchOp add(JsonPointer path, JsonNode value) {
    return new PatchOp(Op.ADD, path, null, Objects.requireNonNull(value, "value"));
  }

  public static PatchOp add(JsonPointer path, String value) {
    return add(path, JsonNodeFactory.instance.textNode(value));
  }

  public static PatchOp replace(JsonPointer path, JsonNode value) {
    return new PatchOp(Op.REPLACE, path, null, Objects.requireNonNull(value, "value"));
  }

  public static PatchOp replace(JsonPointer path, String value) {
    return replace(path, JsonNodeFactory.instance.textNode(value));
  }

  public static PatchOp remove(JsonPointer path) {
    return new PatchOp(Op.REMOVE, path, null, null);
  }

  public static PatchOp move(JsonPointer from, JsonPointer path) {
    return new PatchOp(Op.MOVE, path, Objects.requireNonNull(from, "from"), null);
  }

  public static PatchOp copy(JsonPointer from, JsonPointer path) {
    return new PatchOp(Op.COPY, path, Objects.requireNonNull(from, "from"), null);
  }

  public static PatchOp test(JsonPointer path, JsonNode value) {
    return new PatchOp(Op.TEST, path, null, Objects.requireNonNull(value, "value"));
  }

  /** The RFC 6902 JSON form of this operation. */
  public JsonNode toJson() {
    var node = JsonNodeFactory.instance.objectNode();
    node.put("op", op.wireName());
    if (from != null) {
      node.put("from", from.toString());
    }
    node.put("path", path.toString());
    if (value != null) {
      node.set("value", value.deepCopy());
    }
    return node;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
