package dev.umzug.engine.source.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Comparator;
import java.util.Objects;

/**
 * One resource type the cluster serves, at the version it is read in.
 *
 * @param group API group, empty for the core group
 * @param version the version it is read in, the group's preferred one where it serves the type
 * @param kind e.g. {@code Deployment}
 * @param plural the resource name in URLs, e.g. {@code deployments}
 * @param namespaced whether objects of this type live in a namespace
 */
public record ResourceType(
    String group, String version, String kind, String plural, boolean namespaced) {

  /** Order in which types are read: by group, then kind, then plural (kinds are not unique). */
  public static final Comparator<ResourceType> READ_ORDER =
      Comparator.comparing(ResourceType::group)
          .thenComparing(ResourceType::kind)
          .thenComparing(ResourceType::plural);

  static final ResourceType NAMESPACE = new ResourceType("", "v1", "Namespace", "namespaces", false);
  static final ResourceType CRD =
      new ResourceType(
          "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions",
          false);
  static final ResourceType CLUSTER_ROLE =
      new ResourceType("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false);
  static final ResourceType PRIORITY_CLASS =
      new ResourceType("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false);
  static final ResourceType INGRESS_CLASS =
      new ResourceType("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false);
  static final ResourceType STORAGE_CLASS =
      new ResourceType("storage.k8s.io", "v1", "StorageClass", "storageclasses", false);

  public ResourceType {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
  }

  /** {@code apps/v1}, or {@code v1} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code deployments.apps}, or {@code pods} for the core group, as kubectl names resources. */
  public String resource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  @Override
  public String toString() {
    return resource();
  }
}
