package dev.umzug.engine.restore;

import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import java.util.List;
import java.util.Optional;

/**
 * What to restore, in which order: the non-empty steps of {@link RestoreOrder} with their objects,
 * the dependencies derived from content, and findings (missing dependencies, duplicates). Built by
 * {@link RestorePlanner}; the same input always gives an equal plan.
 */
public record RestorePlan(List<PlannedStep> steps, List<Dependency> dependencies, List<Finding> findings) {

  public RestorePlan {
    steps = List.copyOf(steps);
    dependencies = List.copyOf(dependencies);
    findings = List.copyOf(findings);
  }

  /** Every object in apply order: step by step, sorted inside a step. */
  public List<ResourceRef> applyOrder() {
    return steps.stream().flatMap(s -> s.refs().stream()).toList();
  }

  /** The position among {@link #steps()} of the step that applies {@code ref}. */
  public Optional<Integer> stepIndexOf(ResourceRef ref) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).refs().contains(ref)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The dependencies of one object, in {@link Dependency#ORDER}. */
  public List<Dependency> dependenciesOf(ResourceRef ref) {
    return dependencies.stream().filter(d -> d.from().equals(ref)).toList();
  }
}
