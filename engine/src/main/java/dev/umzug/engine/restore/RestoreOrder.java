package dev.umzug.engine.restore;

import static dev.umzug.engine.restore.Gate.CRD_ESTABLISHED;
import static dev.umzug.engine.restore.Gate.NAMESPACE_ACTIVE;
import static dev.umzug.engine.restore.Gate.PVC_BOUND_OR_WAITING;
import static dev.umzug.engine.restore.Gate.VOLUME_DATA_RESTORED;
import static dev.umzug.engine.restore.Gate.WORKLOADS_AVAILABLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The order in which a restore applies objects: a data table, one reason per step (Velero's
 * {@code defaultRestorePriorities}), with readiness gates between steps (JOSDK's dependent-resource
 * workflow). docs/restore-order.md is generated from {@link #markdown()}.
 *
 * <p>Differences from Velero, on purpose: Services come before workloads (pods get service
 * environment variables only for Services that exist when they start); NetworkPolicies come before
 * workloads (a pod never runs unprotected); custom resources have a fixed slot after configuration
 * and before workloads rather than "everything else alphabetically"; admission webhooks and
 * APIServices come last.
 */
public final class RestoreOrder {

  private static final List<Gate> NO_GATE = List.of();

  /** The table. Order matters; every kind appears at most once; exactly one step takes other kinds. */
  public static final List<RestoreStep> STEPS =
      List.of(
          RestoreStep.of(
              "crds",
              "A custom resource can only be created once its CRD is established; CRDs depend on"
                  + " nothing else.",
              List.of(CRD_ESTABLISHED),
              "CustomResourceDefinition.apiextensions.k8s.io"),
          RestoreStep.of(
              "namespaces",
              "Every namespaced object needs its Namespace, and a Namespace that is still"
                  + " Terminating on the target refuses new objects.",
              List.of(NAMESPACE_ACTIVE),
              "Namespace"),
          RestoreStep.of(
              "admission-defaults",
              "Pods are admitted against these: a pod created before its namespace's LimitRange gets"
                  + " no default resources, one created before a ResourceQuota escapes it, and one"
                  + " naming a missing PriorityClass or RuntimeClass is refused.",
              NO_GATE,
              "LimitRange",
              "ResourceQuota",
              "PriorityClass.scheduling.k8s.io",
              "RuntimeClass.node.k8s.io"),
          RestoreStep.of(
              "storage-classes",
              "PVCs name a StorageClass (and VolumeSnapshots a VolumeSnapshotClass); a PVC whose"
                  + " class does not exist yet stays Pending.",
              NO_GATE,
              "StorageClass.storage.k8s.io",
              "VolumeSnapshotClass.snapshot.storage.k8s.io"),
          RestoreStep.of(
              "persistent-volumes",
              "Statically provisioned PVs, and the snapshots a PVC may name as dataSource, must exist"
                  + " before the PVCs that bind to them or are provisioned from them (PVs before PVCs,"
                  + " as in Velero).",
              NO_GATE,
              "PersistentVolume",
              "VolumeSnapshotContent.snapshot.storage.k8s.io",
              "VolumeSnapshot.snapshot.storage.k8s.io"),
          RestoreStep.of(
              "persistent-volume-claims",
              "Workloads that mount a claim must find it bound (or waiting for its first consumer)"
                  + " and its data restored, or they start on an empty volume.",
              List.of(PVC_BOUND_OR_WAITING, VOLUME_DATA_RESTORED),
              "PersistentVolumeClaim"),
          RestoreStep.of(
              "identities-and-roles",
              "Pods run as a ServiceAccount, which must exist when the pod is created (the pod is"
                  + " refused otherwise); Roles come before the bindings that grant them.",
              NO_GATE,
              "ServiceAccount",
              "Role.rbac.authorization.k8s.io",
              "ClusterRole.rbac.authorization.k8s.io"),
          RestoreStep.of(
              "role-bindings",
              "A binding to a Role that does not exist yet is accepted but grants nothing; binding"
                  + " after the Roles means workloads have their permissions from their first start.",
              NO_GATE,
              "RoleBinding.rbac.authorization.k8s.io",
              "ClusterRoleBinding.rbac.authorization.k8s.io"),
          RestoreStep.of(
              "configuration",
              "Secrets and ConfigMaps are mounted or read into the environment by pods; a pod"
                  + " referring to a missing one does not start.",
              NO_GATE,
              "Secret",
              "ConfigMap"),
          RestoreStep.of(
              "network-policies",
              "Restored before any pod runs, so no pod is ever reachable without the policies that"
                  + " protect it; disruption budgets likewise exist before pods do.",
              NO_GATE,
              "NetworkPolicy.networking.k8s.io",
              "PodDisruptionBudget.policy"),
          RestoreStep.others(
              "custom-resources",
              "Every kind not named in this table, mostly custom resources: after their CRDs are"
                  + " established and after configuration, and before workloads, because many of them"
                  + " produce Secrets or ConfigMaps that workloads mount (certificates, external"
                  + " secrets). Their controllers reconcile them once they run; admission webhooks come"
                  + " last, so none can reject them now.",
              NO_GATE),
          RestoreStep.of(
              "services",
              "Before workloads, because pods get environment variables only for Services that exist"
                  + " when they start, and a StatefulSet needs its governing headless Service for"
                  + " stable DNS names.",
              NO_GATE,
              "Service",
              "Endpoints",
              "EndpointSlice.discovery.k8s.io"),
          RestoreStep.of(
              "workloads",
              "Everything above is what workloads consume. Routes and webhooks below must wait until"
                  + " the workloads serving them are available.",
              List.of(WORKLOADS_AVAILABLE),
              "Deployment.apps",
              "StatefulSet.apps",
              "DaemonSet.apps",
              "ReplicaSet.apps",
              "ReplicationController",
              "Pod",
              "Job.batch",
              "CronJob.batch"),
          RestoreStep.of(
              "autoscalers",
              "An autoscaler created before its target only reports errors; after the workloads it"
                  + " takes over the restored replica count.",
              NO_GATE,
              "HorizontalPodAutoscaler.autoscaling"),
          RestoreStep.of(
              "gateways",
              "Classes and Gateways come before the routes that attach to them; a Gateway may"
                  + " provision a load balancer, which should only exist once backends run.",
              NO_GATE,
              "IngressClass.networking.k8s.io",
              "GatewayClass.gateway.networking.k8s.io",
              "Gateway.gateway.networking.k8s.io"),
          RestoreStep.of(
              "routes",
              "Traffic is routed only after its Services exist and its workloads are available, so"
                  + " users never reach a half-restored application.",
              NO_GATE,
              "Ingress.networking.k8s.io",
              "HTTPRoute.gateway.networking.k8s.io",
              "GRPCRoute.gateway.networking.k8s.io",
              "TLSRoute.gateway.networking.k8s.io",
              "TCPRoute.gateway.networking.k8s.io",
              "UDPRoute.gateway.networking.k8s.io",
              "ReferenceGrant.gateway.networking.k8s.io"),
          RestoreStep.of(
              "webhooks-and-api-services",
              "Last: a webhook or aggregated API whose backend is not yet running would reject or"
                  + " fail every later request of the restore (Velero #2443, #4847). Their backends"
                  + " passed the workloads gate above.",
              NO_GATE,
              "MutatingWebhookConfiguration.admissionregistration.k8s.io",
              "ValidatingWebhookConfiguration.admissionregistration.k8s.io",
              "ValidatingAdmissionPolicy.admissionregistration.k8s.io",
              "ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io",
              "APIService.apiregistration.k8s.io"));

  private static final Map<String, Integer> INDEX = index();
  private static final int OTHERS = othersIndex();

  private RestoreOrder() {}

  /** The position in {@link #STEPS} of the step that restores a group-kind. */
  public static int indexOf(String groupKind) {
    return INDEX.getOrDefault(groupKind, OTHERS);
  }

  public static RestoreStep stepOf(String groupKind) {
    return STEPS.get(indexOf(groupKind));
  }

  /** The table as Markdown, for docs/restore-order.md. */
  public static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| # | step | kinds | waits for, before the next step | why here |\n");
    b.append("|---|---|---|---|---|\n");
    for (int i = 0; i < STEPS.size(); i++) {
      RestoreStep s = STEPS.get(i);
      String kinds = s.otherKinds() ? "every kind not listed in another step" : String.join(", ",
          new TreeSet<>(s.groupKinds()).stream().map(k -> "`" + k + "`").toList());
      String gates = s.gates().isEmpty() ? "–" : String.join("; ",
          s.gates().stream().map(g -> "`" + g.name() + "`: " + g.description()).toList());
      b.append("| ").append(i + 1).append(" | `").append(s.id()).append("` | ").append(kinds)
          .append(" | ").append(gates).append(" | ").append(s.reason()).append(" |\n");
    }
    return b.toString();
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < STEPS.size(); i++) {
      for (String k : STEPS.get(i).groupKinds()) {
        if (m.put(k, i) != null) {
          throw new IllegalStateException("restore order names " + k + " twice");
        }
      }
    }
    return Map.copyOf(m);
  }

  private static int othersIndex() {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < STEPS.size(); i++) {
      if (STEPS.get(i).otherKinds()) {
        found.add(i);
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException("restore order needs exactly one step for other kinds");
    }
    return found.get(0);
  }
}
