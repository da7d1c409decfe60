package dev.umzug.engine.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import java.util.List;

/** Applies RFC 6902 operations to a JSON document in place. */
public final class PatchApplier {

  private PatchApplier() {}

  /** Thrown when an operation does not fit the document; the message names the path. */
  public static final class PatchException extends RuntimeException {
    public PatchException(String message) {
      super(message);
    }
  }

  /** Applies all operations in order to a copy of {@code document} and returns the copy. */
  public static ObjectNode applied(ObjectNode document, List<PatchOp> ops) {
    ObjectNode copy = document.deepCopy();
    for (PatchOp op : ops) {
      apply(copy, op);
    }
    return copy;
  }

  /** Applies one operation; a failure names the operation and the path that did not fit. */
  public static void apply(ObjectNode document, PatchOp op) {
    try {
      applyUnchecked(document, op);
    } catch (PatchException e) {
      if (e.getMessage().endsWith(" " + op.path())) {
        throw e;
      }
      throw new PatchException(e.getMessage() + " (" + op.op().wireName() + " " + op.path() + ")");
    }
  }

  private static void applyUnchecked(ObjectNode document, PatchOp op) {
    switch (op.op()) {
      case ADD -> add(document, op.path(), op.value().deepCopy());
      case REMOVE -> remove(document, op.path());
      case REPLACE -> replace(document, op.path(), op.value().deepCopy());
      case MOVE -> {
        if (op.path().startsWith(op.from()) && !op.path().equals(op.from())) {
          throw new PatchException("cannot move " + op.from() + " into itself at " + op.path());
        }
        JsonNode value = get(document, op.from());
        remove(document, op.from());
        add(document, op.path(), value);
      }
      case COPY -> add(document, op.path(), get(document, op.from()).deepCopy());
      case TEST -> {
        if (!get(document, op.path()).equals(op.value())) {
          throw new PatchException("test failed at " + op.path());
        }
      }
    }
  }

  static JsonNode get(JsonNode document, JsonPointer path) {
    JsonNode node = document;
    for (String segment : path.segments()) {
      node = child(node, segment, path);
    }
    return node;
  }

  private static JsonNode child(JsonNode node, String segment, JsonPointer path) {
    JsonNode next;
    if (node.isObject()) {
      next = node.get(segment);
    } else if (node.isArray()) {
      next = node.get(index(segment, node.size() - 1, path));
    } else {
      next = null;
    }
    if (next == null) {
      throw new PatchException("no value at " + path);
    }
    return next;
  }

  private static void add(JsonNode document, JsonPointer path, JsonNode value) {
    if (path.isRoot()) {
      throw new PatchException("cannot replace the whole document");
    }
    JsonNode parent = get(document, path.parent());
    String last = path.last();
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      if ("-".equals(last)) {
        array.add(value);
      } else {
        array.insert(index(last, array.size(), path), value);
      }
    } else {
      throw new PatchException("parent of " + path + " is not an object or array");
    }
  }

  /** Replaces a value where it stands, so the key keeps its place in the written YAML. */
  private static void replace(JsonNode document, JsonPointer path, JsonNode value) {
    if (path.isRoot()) {
      throw new PatchException("cannot replace the whole document");
    }
    JsonNode parent = get(document, path.parent());
    String last = path.last();
    if (parent instanceof ObjectNode object) {
      if (!object.has(last)) {
        throw new PatchException("no value at " + path);
      }
      object.replace(last, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(index(last, array.size() - 1, path), value);
    } else {
      throw new PatchException("parent of " + path + " is not an object or array");
    }
  }

  private static void remove(JsonNode document, JsonPointer path) {
    if (path.isRoot()) {
      throw new PatchException("cannot remove the whole document");
    }
    JsonNode parent = get(document, path.parent());
    String last = path.last();
    if (parent instanceof ObjectNode object) {
      if (object.remove(last) == null) {
        throw new PatchException("no value at " + path);
      }
    } else if (parent instanceof ArrayNode array) {
      array.remove(index(last, array.size() - 1, path));
    } else {
      throw new PatchException("parent of " + path + " is not an object or array");
    }
  }

  private static int index(String segment, int max, JsonPointer path) {
    if (!segment.matches("0|[1-9][0-9]{0,8}")) {
      throw new PatchException("not an array index in " + path);
    }
    int i = Integer.parseInt(segment);
    if (i > max) {
      throw new PatchException("array index out of range in " + path);
    }
    return i;
  }
}
