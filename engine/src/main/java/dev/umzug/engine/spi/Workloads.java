package dev.umzug.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the pod spec sits in each kind of workload. */
public final class Workloads {

  /** The container lists of a pod spec, in the order the kubelet starts them. */
  public static final List<String> CONTAINER_LISTS =
      List.of("initContainers", "containers", "ephemeralContainers");

  private Workloads() {}

  /**
   * The pointer to the pod spec of a workload: {@code /spec} for a Pod, {@code
   * /spec/jobTemplate/spec/template/spec} for a CronJob, {@code /spec/template/spec} for the rest.
   */
  public static Optional<JsonPointer> podSpec(ResourceView view) {
    if (!ResourceSelector.WORKLOADS.matches(view.ref())) {
      return Optional.empty();
    }
    JsonPointer pointer =
        switch (view.kind()) {
          case "Pod" -> JsonPointer.of("spec");
          case "CronJob" -> JsonPointer.of("spec", "jobTemplate", "spec", "template", "spec");
          default -> JsonPointer.of("spec", "template", "spec");
        };
    return view.at(pointer).isObject() ? Optional.of(pointer) : Optional.empty();
  }

  /** The pointer to the pod template's metadata (labels, annotations), where one exists. */
  public static Optional<JsonPointer> podMetadata(ResourceView view) {
    return podSpec(view).map(spec -> spec.parent().append("metadata"));
  }

  /**
   * Pointers to every container of a workload's pod spec, init and ephemeral containers included,
   * in {@link #CONTAINER_LISTS} order; empty for a kind without a pod spec.
   */
  public static List<JsonPointer> containers(ResourceView view) {
    List<JsonPointer> pointers = new ArrayList<>();
    podSpec(view)
        .ifPresent(
            spec -> {
              for (String list : CONTAINER_LISTS) {
                JsonNode array = view.at(spec.append(list));
                for (int i = 0; i < array.size(); i++) {
                  pointers.add(spec.append(list, i));
                }
              }
            });
    return pointers;
  }
}
