package dev.umzug.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.report.Redaction;
import dev.umzug.engine.snapshot.CanonicalJson;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.verify.FieldDifference.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks that a live object carries every field of the intended one (the object as a restore
 * applies it) with the same value. Fields only on the live side (server defaults, webhook
 * additions, extra annotations) are not differences; keyed lists are matched by {@link
 * ListMatching}; quantities are compared by value ({@link Quantities}); numbers by numeric value.
 * Strings and numbers are never equal to each other: the API server neither turns {@code "80"} into
 * an int field nor an int into a string, so a type change is a real difference. A {@code null} in
 * the intent asks for nothing. Secret values are never shown ({@link Redaction}).
 */
public final class IntentComparer {

  /**
   * Fields of the intent that are not compared, with the reason. Paths are from the object root.
   */
  static final Map<JsonPointer, String> NOT_COMPARED =
      Map.of(
          JsonPointer.of("status"), "written by controllers, never by a restore",
          JsonPointer.of("metadata", "uid"), "assigned by the target server",
          JsonPointer.of("metadata", "resourceVersion"), "assigned by the target server on every write",
          JsonPointer.of("metadata", "generation"), "counted by the target server",
          JsonPointer.of("metadata", "creationTimestamp"), "set by the target server at create",
          JsonPointer.of("metadata", "managedFields"), "server-side apply bookkeeping of the target",
          JsonPointer.of("metadata", "selfLink"), "deprecated and no longer set by servers");

  public List<FieldDifference> compare(ResourceRef ref, JsonNode intended, JsonNode live) {
    List<FieldDifference> out = new ArrayList<>();
    compare(ref, JsonPointer.root(), List.of(), secretView(ref, intended), live, out);
    return List.copyOf(out);
  }

  /** A Secret's {@code stringData} is write-only: the server stores it base64-encoded in {@code data}. */
  private static JsonNode secretView(ResourceRef ref, JsonNode intended) {
    if (!ref.group().isEmpty() || !ref.kind().equals("Secret") || !intended.path("stringData").isObject()) {
      return intended;
    }
    ObjectNode copy = intended.deepCopy();
    ObjectNode data = copy.path("data").isObject() ? (ObjectNode) copy.get("data") : copy.putObject("data");
    copy.get("stringData").fields().forEachRemaining(e -> data.put(e.getKey(),
        Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    copy.remove("stringData");
    return copy;
  }

  private void compare(ResourceRef ref, JsonPointer path, List<String> fields, JsonNode want, JsonNode got,
      List<FieldDifference> out) {
    if (want == null || want.isNull() || NOT_COMPARED.containsKey(path)) {
      return;
    }
    if (got == null || got.isMissingNode() || got.isNull()) {
      out.add(difference(ref, path, Kind.MISSING, want, null));
    } else if (want.isObject()) {
      if (!got.isObject()) {
        out.add(difference(ref, path, Kind.CHANGED, want, got));
        return;
      }
      TreeMap<String, JsonNode> members = new TreeMap<>();
      want.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
      members.forEach((name, value) -> compare(ref, path.append(name), plus(fields, name), value, got.get(name), out));
    } else if (want.isArray()) {
      if (!got.isArray()) {
        out.add(difference(ref, path, Kind.CHANGED, want, got));
        return;
      }
      compareList(ref, path, fields, want, got, out);
    } else if (!scalarEquals(fields, want, got)) {
      out.add(difference(ref, path, Kind.CHANGED, want, got));
    }
  }

  private void compareList(ResourceRef ref, JsonPointer path, List<String> fields, JsonNode want, JsonNode got,
      List<FieldDifference> out) {
    ListMatching.Rule rule = ListMatching.ruleFor(String.join("/", fields));
    List<String> itemFields = plus(fields, "*");
    switch (rule.mode()) {
      case KEYED -> {
        for (JsonNode item : want) {
          Optional<String> key = ListMatching.keyOf(rule, item);
          if (key.isEmpty()) {
            out.add(difference(ref, path, Kind.CHANGED, want, got)); // an intended item without its key
            return;
          }
          JsonNode match = null;
          for (JsonNode candidate : got) {
            if (key.equals(ListMatching.keyOf(rule, candidate))) {
              match = candidate;
              break;
            }
          }
          compare(ref, path.append(key.get()), itemFields, item, match, out);
        }
      }
      case SET -> {
        for (int i = 0; i < want.size(); i++) {
          JsonNode item = want.get(i);
          boolean found = false;
          for (JsonNode candidate : got) {
            List<FieldDifference> probe = new ArrayList<>();
            compare(ref, path.append(i), itemFields, item, candidate, probe);
            found |= probe.isEmpty();
          }
          if (!found) {
            out.add(difference(ref, path.append(i), Kind.MISSING, item, null));
          }
        }
      }
      case ORDERED -> {
        if (want.size() != got.size()) {
          out.add(difference(ref, path, Kind.CHANGED, want, got));
          return;
        }
        for (int i = 0; i < want.size(); i++) {
          compare(ref, path.append(i), itemFields, want.get(i), got.get(i), out);
        }
      }
    }
  }

  private static boolean scalarEquals(List<String> fields, JsonNode want, JsonNode got) {
    if (Quantities.isQuantityField(fields)) {
      Optional<java.math.BigDecimal> a = Quantities.parse(want);
      Optional<java.math.BigDecimal> b = Quantities.parse(got);
      if (a.isPresent() && b.isPresent()) {
        return a.get().compareTo(b.get()) == 0;
      }
    }
    if (want.isNumber() && got.isNumber()) {
      return want.decimalValue().compareTo(got.decimalValue()) == 0;
    }
    return want.equals(got);
  }

  private static FieldDifference difference(ResourceRef ref, JsonPointer path, Kind kind, JsonNode want, JsonNode got) {
    boolean redact = Redaction.isSecretValue(ref, path) || (path.isRoot() && ref.group().isEmpty() && ref.kind().equals("Secret"));
    return new FieldDifference(path, kind, CanonicalJson.toText(want), got == null ? null : CanonicalJson.toText(got), redact);
  }

  private static List<String> plus(List<String> list, String more) {
    List<String> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(more);
    return copy;
  }

}
