package dev.umzug.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lays an intended object over the live one, for a replace (HTTP PUT) that must not wipe what the
 * target server filled in: a Service's {@code clusterIP} and {@code nodePort}s, a PVC's {@code
 * volumeName}, defaulted container fields. Intended values win; fields only on the live side stay.
 * Keyed lists ({@link ListMatching}: containers by name, ports by port and protocol, ...) are
 * merged item by item, in the intended order, and live items the intent does not name are left out;
 * every other list is taken from the intent whole. {@code status} is not sent.
 *
 * <p>The result is what {@link IntentComparer} then finds equal to the intent, so a replace followed
 * by a verification confirms the object.
 */
public final class IntentOverlay {

  private IntentOverlay() {}

  /** A new object: {@code live} with {@code intended} laid over it. Neither argument is changed. */
  public static ObjectNode overlay(ObjectNode intended, ObjectNode live) {
    Objects.requireNonNull(intended, "intended");
    Objects.requireNonNull(live, "live");
    ObjectNode out = (ObjectNode) merge(intended, live, List.of());
    out.remove("status");
    return out;
  }

  private static JsonNode merge(JsonNode want, JsonNode got, List<String> fields) {
    if (want.isObject() && got != null && got.isObject()) {
      ObjectNode out = ((ObjectNode) got).deepCopy();
      want.fields().forEachRemaining(e -> {
        List<String> path = plus(fields, e.getKey());
        out.set(e.getKey(), merge(e.getValue(), got.get(e.getKey()), path));
      });
      return out;
    }
    if (want.isArray() && got != null && got.isArray()) {
      ListMatching.Rule rule = ListMatching.ruleFor(String.join("/", fields));
      if (rule.mode() == ListMatching.Mode.KEYED) {
        return mergeKeyed(rule, (ArrayNode) want, (ArrayNode) got, plus(fields, "*"));
      }
    }
    return want.deepCopy();
  }

  private static ArrayNode mergeKeyed(ListMatching.Rule rule, ArrayNode want, ArrayNode got, List<String> itemFields) {
    ArrayNode out = want.arrayNode();
    for (JsonNode item : want) {
      JsonNode match = null;
      var key = ListMatching.keyOf(rule, item);
      if (key.isPresent()) {
        for (JsonNode candidate : got) {
          if (key.equals(ListMatching.keyOf(rule, candidate))) {
            match = candidate;
            break;
          }
        }
      }
      out.add(match == null ? item.deepCopy() : merge(item, match, itemFields));
    }
    return out;
  }

  private static List<String> plus(List<String> list, String more) {
    List<String> copy = new ArrayList<>(list);
    copy.add(more);
    return copy;
  }
}
