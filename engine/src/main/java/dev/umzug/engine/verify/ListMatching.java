package dev.umzug.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the comparer pairs the items of an intended list with the items of the live list: one table,
 * one reason per entry. A rule applies when the list's field path (field names, {@code *} for list
 * items, e.g. {@code spec/template/spec/containers/*}{@code /ports}) ends with its suffix; the most
 * specific (longest) suffix wins. Lists not in the table are compared in order, item by item, and
 * must have the same length.
 */
final class ListMatching {

  /** How items are paired. */
  enum Mode {
    /** By the values of key fields; live items with other keys (added by webhooks) are ignored. */
    KEYED,
    /** Each intended item must equal some live item; extra live items are ignored. */
    SET,
    /** Item i with item i; both lists have the same length. */
    ORDERED
  }

  /**
   * @param suffix field-path suffix the rule applies to
   * @param keys key fields, for {@link Mode#KEYED}
   * @param defaults the value the server gives a key field that is left out (e.g. protocol TCP)
   */
  record Rule(String suffix, Mode mode, List<String> keys, Map<String, String> defaults, String reason) {}

  private static final Map<String, String> TCP = Map.of("protocol", "TCP");

  static final List<Rule> RULES =
      List.of(
          new Rule("containers", Mode.KEYED, List.of("name"), Map.of(),
              "containers are identified by name (their strategic-merge key); a sidecar injected by a"
                  + " webhook is an extra name and not a difference; order does not matter"),
          new Rule("initContainers", Mode.KEYED, List.of("name"), Map.of(),
              "as containers; the order of init containers matters at run time but webhooks also inject"
                  + " init containers, so only presence and content are checked"),
          new Rule("ephemeralContainers", Mode.KEYED, List.of("name"), Map.of(), "as containers"),
          new Rule("containers/*/ports", Mode.KEYED, List.of("containerPort", "protocol"), TCP,
              "the API's list-map keys for container ports; protocol defaults to TCP"),
          new Rule("initContainers/*/ports", Mode.KEYED, List.of("containerPort", "protocol"), TCP,
              "as container ports"),
          new Rule("spec/ports", Mode.KEYED, List.of("port", "protocol"), TCP,
              "Service ports are keyed by port and protocol (list-map keys); the server adds"
                  + " targetPort and nodePort defaults, which are not in the intent"),
          new Rule("env", Mode.KEYED, List.of("name"), Map.of(),
              "environment variables by name; webhooks add variables (e.g. proxy or tracing settings)"),
          new Rule("envFrom", Mode.ORDERED, List.of(), Map.of(),
              "no key, and order decides which source wins for a duplicated variable"),
          new Rule("volumes", Mode.KEYED, List.of("name"), Map.of(),
              "volumes by name; webhooks add volumes (e.g. service mesh certificates)"),
          new Rule("volumeMounts", Mode.KEYED, List.of("mountPath"), Map.of(),
              "a mount path is unique in a container, while one volume may be mounted twice"),
          new Rule("volumeDevices", Mode.KEYED, List.of("devicePath"), Map.of(), "the device path is unique"),
          new Rule("tolerations", Mode.SET, List.of(), Map.of(),
              "no key: each toleration is compared whole; admission adds default not-ready and"
                  + " unreachable tolerations"),
          new Rule("imagePullSecrets", Mode.KEYED, List.of("name"), Map.of(),
              "by name; a webhook or the service account controller may add pull secrets"),
          new Rule("hostAliases", Mode.KEYED, List.of("ip"), Map.of(), "the API's merge key"),
          new Rule("topologySpreadConstraints", Mode.KEYED, List.of("topologyKey", "whenUnsatisfiable"),
              Map.of(), "the API's list-map keys"),
          new Rule("metadata/finalizers", Mode.SET, List.of(), Map.of(),
              "controllers add finalizers of their own; the intended ones must be present"),
          new Rule("webhooks", Mode.KEYED, List.of("name"), Map.of(), "webhook names are unique in a configuration"),
          new Rule("rules", Mode.ORDERED, List.of(), Map.of(),
              "RBAC, Ingress and webhook rules have no key; the server keeps their order"),
          new Rule("subjects", Mode.ORDERED, List.of(), Map.of(),
              "binding subjects have no key; the server keeps their order"));

  private static final Rule DEFAULT = new Rule("", Mode.ORDERED, List.of(), Map.of(),
      "a list the server does not merge keeps the order and length it was given");

  private ListMatching() {}

  static Rule ruleFor(String fieldPath) {
    Rule best = DEFAULT;
    for (Rule r : RULES) {
      boolean matches = fieldPath.equals(r.suffix()) || fieldPath.endsWith("/" + r.suffix());
      if (matches && r.suffix().length() > best.suffix().length()) {
        best = r;
      }
    }
    return best;
  }

  /** {@code name=web}, or {@code containerPort=80,protocol=TCP}; empty when a key field is absent. */
  static Optional<String> keyOf(Rule rule, JsonNode item) {
    StringBuilder b = new StringBuilder();
    for (String k : rule.keys()) {
      JsonNode v = item.get(k);
      String text = v == null || v.isNull() ? rule.defaults().get(k) : v.isTextual() ? v.textValue() : v.toString();
      if (text == null) {
        return Optional.empty();
      }
      b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(text);
    }
    return Optional.of(b.toString());
  }

}
