package dev.umzug.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a real cluster's controllers write into an object's status soon after it is stored, done at
 * once when the object is written: namespaces Active, CRDs Established, claims Bound, workloads with
 * their replicas available. Objects marked {@link #neverReady} keep the status they were sent with,
 * as when a pod cannot be scheduled or a claim finds no volume.
 */
final class Controllers {

  /** {@code Kind namespace/name} or {@code Kind name} of objects no controller makes ready. */
  final Set<String> neverReady = ConcurrentHashMap.newKeySet();

  /** Sets the status a controller would set; the body is changed in place. */
  void settle(ObjectNode body) {
    String kind = body.path("kind").asText();
    if (neverReady.contains(key(body))) {
      return;
    }
    switch (kind) {
      case "Namespace" -> body.putObject("status").put("phase", "Active");
      case "CustomResourceDefinition" -> {
        var conditions = body.putObject("status").putArray("conditions");
        conditions.addObject().put("type", "NamesAccepted").put("status", "True");
        conditions.addObject().put("type", "Established").put("status", "True");
      }
      case "PersistentVolumeClaim" -> body.putObject("status").put("phase", "Bound");
      case "Deployment", "StatefulSet", "ReplicaSet" -> {
        int replicas = body.path("spec").path("replicas").asInt(1);
        long generation = body.path("metadata").path("generation").asLong(1);
        body.putObject("status").put("observedGeneration", generation).put("replicas", replicas)
            .put("readyReplicas", replicas).put("availableReplicas", replicas);
      }
      case "DaemonSet" -> body.putObject("status").put("desiredNumberScheduled", 2).put("numberAvailable", 2)
          .put("numberReady", 2);
      default -> { }
    }
  }

  /**
   * What the API server does with a Secret's write-only {@code stringData}: merges it into {@code
   * data}, base64-encoded, and does not store it.
   */
  static void storeStringData(ObjectNode body) {
    if (!"Secret".equals(body.path("kind").asText()) || !body.path("stringData").isObject()) {
      return;
    }
    ObjectNode data = body.path("data").isObject() ? (ObjectNode) body.get("data") : body.putObject("data");
    body.get("stringData").fields().forEachRemaining(e -> data.put(e.getKey(), java.util.Base64.getEncoder()
        .encodeToString(e.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    body.remove("stringData");
  }

  static String key(JsonNode body) {
    JsonNode meta = body.path("metadata");
    String ns = meta.path("namespace").asText("");
    return body.path("kind").asText() + " " + (ns.isEmpty() ? "" : ns + "/") + meta.path("name").asText();
  }
}
