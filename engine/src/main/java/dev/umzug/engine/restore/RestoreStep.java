package dev.umzug.engine.restore;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One position in the restore order: the group-kinds restored together, why they come here, and
 * the gates that must hold before the next step starts. Objects of one step do not depend on each
 * other's readiness, so a restorer may apply them in parallel.
 *
 * @param id stable id, e.g. {@code persistent-volume-claims}
 * @param groupKinds group-kinds as {@link dev.umzug.engine.spi.ResourceRef#groupKind()} prints them
 *     ({@code Deployment.apps}, {@code Secret}); empty for the catch-all step
 * @param otherKinds true for the one step that takes every kind not named in any step (custom
 *     resources and kinds unknown to the table)
 * @param reason why the step sits where it does, one or two sentences
 * @param gates checked after the step's objects are applied, in order
 */
public record RestoreStep(
    String id, Set<String> groupKinds, boolean otherKinds, String reason, List<Gate> gates) {

  public RestoreStep {
    Objects.requireNonNull(id, "id");
    groupKinds = Set.copyOf(groupKinds);
    gates = List.copyOf(gates);
    Objects.requireNonNull(reason, "reason");
  }

  static RestoreStep of(String id, String reason, List<Gate> gates, String... groupKinds) {
    return new RestoreStep(id, Set.of(groupKinds), false, reason, gates);
  }

  static RestoreStep others(String id, String reason, List<Gate> gates) {
    return new RestoreStep(id, Set.of(), true, reason, gates);
  }
}
