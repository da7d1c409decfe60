package dev.umzug.engine.restore;

/**
 * A readiness condition that the restorer checks against the target cluster after applying a step
 * and before starting the next one (JOSDK's {@code readyPostcondition}). The planner only names the
 * gate; evaluating it needs a cluster and is the restorer's job.
 */
public enum Gate {
  /** Nothing to wait for: the API server accepting the objects is enough. */
  NONE("nothing: the API server accepting the objects is enough"),
  /** Every restored CRD has condition {@code Established=True} (and {@code NamesAccepted=True}). */
  CRD_ESTABLISHED("every restored CRD reports Established=True, so its custom resources can be created"),
  /** Every restored Namespace has {@code status.phase=Active}. */
  NAMESPACE_ACTIVE("every restored Namespace reports status.phase Active (not Terminating)"),
  /**
   * Every restored PVC is {@code Bound}, or {@code Pending} on a StorageClass with {@code
   * volumeBindingMode: WaitForFirstConsumer} (it binds when the first pod is scheduled).
   */
  PVC_BOUND_OR_WAITING(
      "every restored PVC is Bound, or Pending on a StorageClass with volumeBindingMode WaitForFirstConsumer"),
  /** The volume mover reports the data of every restored PVC that has data in the snapshot as restored. */
  VOLUME_DATA_RESTORED(
      "the volume mover reports the data of every PVC that has volume data in the snapshot as restored"),
  /**
   * Deployments, StatefulSets, DaemonSets and ReplicaSets report their desired replicas available;
   * Jobs and CronJobs are not waited for.
   */
  WORKLOADS_AVAILABLE(
      "Deployments, StatefulSets, DaemonSets and ReplicaSets report all desired replicas available"
          + " (Jobs and CronJobs are not waited for)");

  private final String description;

  Gate(String description) {
    this.description = description;
  }

  /** One sentence for docs and reports. */
  public String description() {
    return description;
  }
}
