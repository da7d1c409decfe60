package dev.umzug.it.cluster;

import java.util.List;

/**
 * The built-in types the test cluster's discovery documents announce: those of a current API
 * server that umzug reads or must skip, including a type without the {@code list} verb and
 * subresources, so that discovery's filtering is exercised.
 */
final class BuiltinTypes {

  static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** One type; {@code versions} in the group's preference order. */
  record Type(String group, List<String> versions, String kind, String plural, boolean namespaced,
      List<String> verbs) {}

  static final List<Type> TYPES = List.of(
      ns("", "Pod", "pods"),
      new Type("", List.of("v1"), "Pod", "pods/log", true, List.of("get")),
      new Type("", List.of("v1"), "Pod", "pods/status", true, List.of("get", "patch", "update")),
      ns("", "Service", "services"),
      ns("", "ConfigMap", "configmaps"),
      ns("", "Secret", "secrets"),
      ns("", "ServiceAccount", "serviceaccounts"),
      ns("", "PersistentVolumeClaim", "persistentvolumeclaims"),
      ns("", "Endpoints", "endpoints"),
      ns("", "Event", "events"),
      ns("", "LimitRange", "limitranges"),
      ns("", "ResourceQuota", "resourcequotas"),
      ns("", "ReplicationController", "replicationcontrollers"),
      ns("", "PodTemplate", "podtemplates"),
      new Type("", List.of("v1"), "Binding", "bindings", true, List.of("create")),
      cluster("", "Namespace", "namespaces"),
      cluster("", "Node", "nodes"),
      cluster("", "PersistentVolume", "persistentvolumes"),
      ns("apps", "Deployment", "deployments"),
      new Type("apps", List.of("v1"), "Scale", "deployments/scale", true,
          List.of("get", "patch", "update")),
      ns("apps", "StatefulSet", "statefulsets"),
      ns("apps", "DaemonSet", "daemonsets"),
      ns("apps", "ReplicaSet", "replicasets"),
      ns("apps", "ControllerRevision", "controllerrevisions"),
      ns("batch", "Job", "jobs"),
      ns("batch", "CronJob", "cronjobs"),
      new Type("autoscaling", List.of("v2", "v1"), "HorizontalPodAutoscaler",
          "horizontalpodautoscalers", true, ALL_VERBS),
      ns("policy", "PodDisruptionBudget", "poddisruptionbudgets"),
      ns("networking.k8s.io", "Ingress", "ingresses"),
      ns("networking.k8s.io", "NetworkPolicy", "networkpolicies"),
      cluster("networking.k8s.io", "IngressClass", "ingressclasses"),
      ns("rbac.authorization.k8s.io", "Role", "roles"),
      ns("rbac.authorization.k8s.io", "RoleBinding", "rolebindings"),
      cluster("rbac.authorization.k8s.io", "ClusterRole", "clusterroles"),
      cluster("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings"),
      cluster("storage.k8s.io", "StorageClass", "storageclasses"),
      cluster("scheduling.k8s.io", "PriorityClass", "priorityclasses"),
      cluster("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions"),
      new Type("authorization.k8s.io", List.of("v1"), "LocalSubjectAccessReview",
          "localsubjectaccessreviews", true, List.of("create")),
      ns("coordination.k8s.io", "Lease", "leases"),
      ns("discovery.k8s.io", "EndpointSlice", "endpointslices"),
      ns("events.k8s.io", "Event", "events"));

  private BuiltinTypes() {}

  private static Type ns(String group, String kind, String plural) {
    return new Type(group, List.of("v1"), kind, plural, true, ALL_VERBS);
  }

  private static Type cluster(String group, String kind, String plural) {
    return new Type(group, List.of("v1"), kind, plural, false, ALL_VERBS);
  }
}
