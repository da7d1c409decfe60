package dev.umzug.engine.restore;

import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a {@link RestorePlan}, in the style of JOSDK's {@code ExecutionAssert}. */
final class RestorePlanAssert extends AbstractAssert<RestorePlanAssert, RestorePlan> {

  private RestorePlanAssert(RestorePlan actual) {
    super(actual, RestorePlanAssert.class);
  }

  static RestorePlanAssert assertThat(RestorePlan plan) {
    return new RestorePlanAssert(plan);
  }

  /** Each object is applied in a strictly later step than the one before it. */
  RestorePlanAssert appliedInOrder(RestoreItem... items) {
    isNotNull();
    int previous = -1;
    ResourceRef previousRef = null;
    for (RestoreItem item : items) {
      int step = stepOf(item.ref());
      if (step <= previous) {
        failWithMessage("expected %s to be applied in a step after %s, but it is in step '%s' and %s in"
            + " step '%s'; apply order was%n%s", item.ref(), previousRef, id(step), previousRef, id(previous),
            actual.applyOrder());
      }
      previous = step;
      previousRef = item.ref();
    }
    return this;
  }

  /** The objects are applied in the same step (so may be applied in parallel). */
  RestorePlanAssert appliedTogether(RestoreItem... items) {
    isNotNull();
    int first = stepOf(items[0].ref());
    for (RestoreItem item : items) {
      if (stepOf(item.ref()) != first) {
        failWithMessage("expected %s in step '%s' but it is in step '%s'", item.ref(), id(first),
            id(stepOf(item.ref())));
      }
    }
    return this;
  }

  RestorePlanAssert appliedInStep(RestoreItem item, String stepId) {
    isNotNull();
    if (!id(stepOf(item.ref())).equals(stepId)) {
      failWithMessage("expected %s in step '%s' but it is in step '%s'", item.ref(), stepId, id(stepOf(item.ref())));
    }
    return this;
  }

  RestorePlanAssert hasFinding(Severity severity, String ruleId, String message) {
    isNotNull();
    if (actual.findings().stream().noneMatch(f -> f.severity() == severity && f.ruleId().equals(ruleId)
        && f.message().equals(message))) {
      failWithMessage("expected a %s finding %s '%s'; findings were:%n%s", severity, ruleId, message,
          describe());
    }
    return this;
  }

  RestorePlanAssert hasNoFindingsAtLeast(Severity severity) {
    isNotNull();
    if (actual.findings().stream().anyMatch(f -> f.severity().compareTo(severity) >= 0)) {
      failWithMessage("expected no finding of severity %s or more; findings were:%n%s", severity, describe());
    }
    return this;
  }

  private String describe() {
    StringBuilder b = new StringBuilder();
    for (Finding f : actual.findings()) {
      b.append("  ").append(f.severity()).append(' ').append(f.ruleId()).append(": ").append(f.message()).append('\n');
    }
    return b.toString();
  }

  private int stepOf(ResourceRef ref) {
    Optional<Integer> step = actual.stepIndexOf(ref);
    if (step.isEmpty()) {
      failWithMessage("expected %s in the plan; apply order was%n%s", ref, actual.applyOrder());
    }
    return step.get();
  }

  private String id(int step) {
    return step < 0 ? "-" : actual.steps().get(step).step().id();
  }
}
