package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.restore.Gate;
import dev.umzug.engine.spi.ResourceRef;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether one live object satisfies a gate. {@link State#BROKEN} means it will not become ready by
 * waiting (a namespace being deleted, a claim on a storage class the target lacks), so the gate
 * fails at once instead of at its timeout.
 */
final class Readiness {

  enum State { READY, WAITING, BROKEN }

  record Verdict(State state, String reason) {
    static final Verdict READY = new Verdict(State.READY, "");

    static Verdict waiting(String reason) {
      return new Verdict(State.WAITING, reason);
    }

    static Verdict broken(String reason) {
      return new Verdict(State.BROKEN, reason);
    }
  }

  private Readiness() {}

  /** Which objects a gate looks at. */
  static boolean concerns(Gate gate, ResourceRef ref) {
    return switch (gate) {
      case CRD_ESTABLISHED -> ref.groupKind().equals("CustomResourceDefinition.apiextensions.k8s.io");
      case NAMESPACE_ACTIVE -> ref.groupKind().equals("Namespace");
      case PVC_BOUND_OR_WAITING -> ref.groupKind().equals("PersistentVolumeClaim");
      case WORKLOADS_AVAILABLE -> switch (ref.groupKind()) {
        case "Deployment.apps", "StatefulSet.apps", "DaemonSet.apps", "ReplicaSet.apps" -> true;
        default -> false;
      };
      case NONE, VOLUME_DATA_RESTORED -> false;
    };
  }

  /**
   * @param live the object as read from the target
   * @param storageClass reads a StorageClass of the target by name
   */
  static Verdict check(Gate gate, ResourceRef ref, JsonNode live, Function<String, Optional<JsonNode>> storageClass) {
    return switch (gate) {
      case CRD_ESTABLISHED -> condition(live, "Established")
          ? Verdict.READY : Verdict.waiting("condition Established is not True yet");
      case NAMESPACE_ACTIVE -> namespace(live);
      case PVC_BOUND_OR_WAITING -> claim(live, storageClass);
      case WORKLOADS_AVAILABLE -> workload(ref, live);
      case NONE, VOLUME_DATA_RESTORED -> Verdict.READY;
    };
  }

  private static Verdict namespace(JsonNode live) {
    String phase = live.path("status").path("phase").asText("");
    if (phase.equals("Terminating") || live.path("metadata").has("deletionTimestamp")) {
      return Verdict.broken("is being deleted (phase Terminating) and refuses new objects; wait until it is"
          + " gone or restore into another namespace (spec.namespaces[].renameTo)");
    }
    return phase.equals("Active") ? Verdict.READY : Verdict.waiting("phase is '" + phase + "', not Active");
  }

  private static Verdict claim(JsonNode live, Function<String, Optional<JsonNode>> storageClass) {
    String phase = live.path("status").path("phase").asText("");
    if (phase.equals("Bound")) {
      return Verdict.READY;
    }
    if (phase.equals("Lost")) {
      return Verdict.broken("phase Lost: its volume is gone");
    }
    String className = live.path("spec").path("storageClassName").asText("");
    if (className.isEmpty()) {
      return Verdict.waiting("Pending without a storage class (waits for the target's default class)");
    }
    Optional<JsonNode> sc = storageClass.apply(className);
    if (sc.isEmpty()) {
      return Verdict.broken("storage class '" + className + "' does not exist on the target; map it in"
          + " spec.mappings.storageClasses or install it");
    }
    if (sc.get().path("volumeBindingMode").asText("").equals("WaitForFirstConsumer")) {
      return Verdict.READY; // binds when its first pod is scheduled
    }
    return Verdict.waiting("phase is '" + phase + "', not Bound");
  }

  private static Verdict workload(ResourceRef ref, JsonNode live) {
    JsonNode spec = live.path("spec");
    JsonNode status = live.path("status");
    long generation = live.path("metadata").path("generation").asLong(0);
    long observed = status.path("observedGeneration").asLong(0);
    if (generation > 0 && observed > 0 && observed < generation) {
      return Verdict.waiting("controller has not observed generation " + generation + " yet");
    }
    long desired;
    long available;
    if (ref.kind().equals("DaemonSet")) {
      desired = status.path("desiredNumberScheduled").asLong(0);
      available = status.path("numberAvailable").asLong(0);
      if (!status.has("desiredNumberScheduled")) {
        return Verdict.waiting("controller has not reported yet");
      }
    } else {
      desired = spec.path("replicas").asLong(1);
      available = ref.kind().equals("StatefulSet") && !status.has("availableReplicas")
          ? status.path("readyReplicas").asLong(0)
          : status.path("availableReplicas").asLong(0);
    }
    return available >= desired ? Verdict.READY
        : Verdict.waiting(available + " of " + desired + " replicas available");
  }

  private static boolean condition(JsonNode live, String type) {
    for (JsonNode c : live.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
        return true;
      }
    }
    return false;
  }
}
