package dev.umzug.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import java.util.Map;
import java.util.Optional;

/** Where the pod spec sits in each kind that has one. */
final class PodSpecs {

  private static final Map<String, JsonPointer> LOCATION =
      Map.of(
          "Pod", JsonPointer.of("spec"),
          "Deployment.apps", JsonPointer.of("spec", "template", "spec"),
          "StatefulSet.apps", JsonPointer.of("spec", "template", "spec"),
          "DaemonSet.apps", JsonPointer.of("spec", "template", "spec"),
          "ReplicaSet.apps", JsonPointer.of("spec", "template", "spec"),
          "ReplicationController", JsonPointer.of("spec", "template", "spec"),
          "Job.batch", JsonPointer.of("spec", "template", "spec"),
          "CronJob.batch", JsonPointer.of("spec", "jobTemplate", "spec", "template", "spec"));

  static final String[] CONTAINER_LISTS = {"initContainers", "containers", "ephemeralContainers"};

  private PodSpecs() {}

  /** The pointer to the pod spec of a workload, if its kind has one. */
  static Optional<JsonPointer> locate(ResourceRef ref) {
    return Optional.ofNullable(LOCATION.get(ref.groupKind()));
  }

  static JsonNode at(JsonNode root, JsonPointer pointer) {
    return root.at(pointer.toString());
  }
}
