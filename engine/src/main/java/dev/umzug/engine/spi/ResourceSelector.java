package dev.umzug.engine.spi;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which objects a rule wants to see, as data, so the engine filters before calling the rule.
 * Entries are {@code Kind} for the core group, {@code Kind.group} otherwise, {@code *.group} for
 * every kind of a group, {@code *.*suffix} for every group ending in a suffix, or {@code *} for all.
 */
public record ResourceSelector(Set<String> groupKinds) {

  private static final ResourceSelector ALL = new ResourceSelector(Set.of("*"));

  /** Kinds that carry a pod template, with where it is. See {@link Workloads}. */
  public static final ResourceSelector WORKLOADS =
      kinds(
          "Pod",
          "ReplicationController",
          "Deployment.apps",
          "StatefulSet.apps",
          "DaemonSet.apps",
          "ReplicaSet.apps",
          "Job.batch",
          "CronJob.batch");

  public ResourceSelector {
    groupKinds = Set.copyOf(new TreeSet<>(groupKinds));
  }

  public static ResourceSelector all() {
    return ALL;
  }

  public static ResourceSelector kinds(String... groupKinds) {
    return new ResourceSelector(Set.of(groupKinds));
  }

  /** This selector plus more entries. */
  public ResourceSelector and(ResourceSelector other) {
    TreeSet<String> merged = new TreeSet<>(groupKinds);
    merged.addAll(other.groupKinds);
    return new ResourceSelector(merged);
  }

  public boolean matches(String group, String kind) {
    if (groupKinds.contains("*")) {
      return true;
    }
    String gk = group.isEmpty() ? kind : kind + "." + group;
    if (groupKinds.contains(gk) || groupKinds.contains("*." + group)) {
      return true;
    }
    for (String entry : groupKinds) {
      if (entry.startsWith("*.*") && group.endsWith(entry.substring(3))) {
        return true;
      }
    }
    return false;
  }

  public boolean matches(ResourceRef ref) {
    return matches(ref.group(), ref.kind());
  }
}
