package dev.umzug.engine.restore.cluster;

import dev.umzug.engine.restore.apply.TargetException;
import dev.umzug.engine.restore.apply.TargetException.Kind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource (plural, scope) serves a kind at a group version, from the target's discovery
 * documents. What is served is remembered; what is not is asked again, because a CRD restored
 * earlier in the same run starts serving its types a moment later.
 */
final class TypeResolver {

  private final KubernetesClient client;
  private final Map<String, ResourceDefinitionContext> served = new ConcurrentHashMap<>();
  private final Map<String, String> preferred = new ConcurrentHashMap<>();

  TypeResolver(KubernetesClient client) {
    this.client = client;
  }

  Optional<ResourceDefinitionContext> resolve(String apiVersion, String kind) {
    String key = apiVersion + " " + kind;
    ResourceDefinitionContext known = served.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    APIResourceList list = discover("discover " + apiVersion, () -> client.getApiResources(apiVersion));
    if (list == null || list.getResources() == null) {
      return Optional.empty();
    }
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    for (APIResource r : list.getResources()) {
      if (kind.equals(r.getKind()) && !r.getName().contains("/")) { // not a subresource such as pods/log
        ResourceDefinitionContext type = new ResourceDefinitionContext.Builder()
            .withGroup(group).withVersion(version).withKind(kind).withPlural(r.getName())
            .withNamespaced(Boolean.TRUE.equals(r.getNamespaced())).build();
        served.put(key, type);
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The version the target prefers for a group: {@code v1} for the core group. */
  String preferredVersion(String group) {
    if (group.isEmpty()) {
      return "v1";
    }
    return preferred.computeIfAbsent(group, g -> {
      APIGroup found = discover("discover group " + g, () -> client.getApiGroup(g));
      if (found == null || found.getPreferredVersion() == null) {
        // some servers answer only the group list, not /apis/<group>
        var all = discover("discover groups", client::getApiGroups);
        found = all == null || all.getGroups() == null ? null
            : all.getGroups().stream().filter(x -> g.equals(x.getName())).findFirst().orElse(null);
      }
      if (found == null || found.getPreferredVersion() == null) {
        return g + "/v1";
      }
      return found.getPreferredVersion().getGroupVersion();
    });
  }

  private static <T> T discover(String what, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      TargetException t = TargetErrors.of(e, what);
      if (t.kind() == Kind.REJECTED) {
        return null; // discovery forbidden: treat the type as not served, preflight says so
      }
      throw t;
    }
  }
}
