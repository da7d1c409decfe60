package dev.umzug.engine.spi;

import java.util.Optional;

/** Where the pod spec sits in each kind of workload. */
public final class Workloads {

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
}
