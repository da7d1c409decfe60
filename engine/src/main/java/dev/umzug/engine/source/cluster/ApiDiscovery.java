package dev.umzug.engine.source.cluster;

import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds every namespaced resource type the cluster serves, as {@code kubectl api-resources
 * --namespaced --verbs=list} does: the core group, then each group at its preferred version, with
 * types that exist only in another version of the group added at that version. Subresources
 * ({@code pods/log}) and types without the {@code list} verb are left out. A group whose discovery
 * fails (an aggregated API whose backend is down) is a warning, not a failure.
 */
final class ApiDiscovery {

  private final KubernetesClient client;
  private final Consumer<Finding> problems;

  ApiDiscovery(KubernetesClient client, Consumer<Finding> problems) {
    this.client = client;
    this.problems = problems;
  }

  /** Namespaced, listable types, in {@link ResourceType#READ_ORDER}. */
  List<ResourceType> namespacedTypes() {
    List<ResourceType> types = new ArrayList<>();
    addVersion("", "v1", new HashSet<>(), types);
    APIGroupList groups = client.getApiGroups();
    if (groups != null && groups.getGroups() != null) {
      for (APIGroup group : groups.getGroups()) {
        Set<String> seen = new HashSet<>();
        for (String version : versionsInPreferenceOrder(group)) {
          addVersion(group.getName(), version, seen, types);
        }
      }
    }
    types.sort(ResourceType.READ_ORDER);
    return types;
  }

  private static List<String> versionsInPreferenceOrder(APIGroup group) {
    List<String> versions = new ArrayList<>();
    GroupVersionForDiscovery preferred = group.getPreferredVersion();
    if (preferred != null && preferred.getVersion() != null) {
      versions.add(preferred.getVersion());
    }
    if (group.getVersions() != null) {
      for (GroupVersionForDiscovery v : group.getVersions()) {
        if (!versions.contains(v.getVersion())) {
          versions.add(v.getVersion());
        }
      }
    }
    return versions;
  }

  private void addVersion(String group, String version, Set<String> seen, List<ResourceType> out) {
    String groupVersion = group.isEmpty() ? version : group + "/" + version;
    APIResourceList resources;
    try {
      resources = client.getApiResources(groupVersion);
    } catch (KubernetesClientException e) {
      if (ClusterErrors.isFatal(e)) {
        throw e;
      }
      problems.accept(
          new Finding(Severity.WARNING, ClusterObjectSource.RULE_ID, null, null,
              "API group version " + groupVersion + " cannot be discovered (HTTP " + e.getCode()
                  + "): its types are not read",
              "check the API service behind it: kubectl get apiservices"));
      return;
    }
    if (resources == null || resources.getResources() == null) {
      return;
    }
    for (APIResource resource : resources.getResources()) {
      String name = resource.getName();
      if (name == null || name.contains("/")) {
        continue; // a subresource
      }
      if (!Boolean.TRUE.equals(resource.getNamespaced())) {
        continue;
      }
      if (resource.getVerbs() == null || !resource.getVerbs().contains("list")) {
        continue;
      }
      if (seen.add(name)) {
        out.add(new ResourceType(group, version, resource.getKind(), name, true));
      }
    }
  }
}
