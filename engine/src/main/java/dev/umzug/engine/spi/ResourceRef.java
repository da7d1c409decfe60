package dev.umzug.engine.spi;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one Kubernetes object independently of the API version it was read in.
 *
 * @param group API group, empty for the core group
 * @param kind object kind, e.g. {@code Deployment}
 * @param namespace namespace, or {@code null} for cluster-scoped objects and for namespaced objects
 *     whose manifest does not name one
 * @param name object name
 */
public record ResourceRef(String group, String kind, String namespace, String name)
    implements Comparable<ResourceRef> {

  private static final Comparator<ResourceRef> ORDER =
      Comparator.comparing(ResourceRef::group)
          .thenComparing(ResourceRef::kind)
          .thenComparing(r -> r.namespace == null ? "" : r.namespace)
          .thenComparing(ResourceRef::name);

  public ResourceRef {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (namespace != null && namespace.isEmpty()) {
      namespace = null;
    }
  }

  /** Builds a reference from an {@code apiVersion} such as {@code apps/v1} or {@code v1}. */
  public static ResourceRef of(String apiVersion, String kind, String namespace, String name) {
    return new ResourceRef(groupOf(apiVersion), kind, namespace, name);
  }

  /** The group part of an apiVersion: {@code apps/v1} gives {@code apps}, {@code v1} gives "". */
  public static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** {@code Kind} for the core group, {@code Kind.group} otherwise, as kubectl prints it. */
  public String groupKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  public boolean isNamespaced() {
    return namespace != null;
  }

  public ResourceRef withNamespace(String newNamespace) {
    return new ResourceRef(group, kind, newNamespace, name);
  }

  @Override
  public int compareTo(ResourceRef other) {
    return ORDER.compare(this, other);
  }

  /** {@code Deployment.apps shop/web}, or {@code StorageClass.storage.k8s.io gp3} without namespace. */
  @Override
  public String toString() {
    return groupKind() + " " + (namespace == null ? name : namespace + "/" + name);
  }
}
