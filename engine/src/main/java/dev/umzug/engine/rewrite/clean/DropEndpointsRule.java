package dev.umzug.engine.rewrite.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drops Endpoints and EndpointSlices that Kubernetes maintains for a Service: the target builds
 * its own from its own Pods. Hand-made ones (for a Service without selector, pointing at fixed
 * addresses) are kept with a warning, since nothing would re-create them; their addresses must be
 * reachable from the target.
 *
 * <p>An Endpoints object is taken as controller-made when it carries the endpoints controller's
 * trigger-time annotation, when any address points at a Pod, or when it holds no address at all
 * (dropping an empty one loses nothing). An EndpointSlice is controller-made when its {@code
 * managed-by} label names a Kubernetes controller or a Service owns it.
 */
public final class DropEndpointsRule implements RewriteRule {

  static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
  static final String LEADER = "control-plane.alpha.kubernetes.io/leader";
  static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
  static final Set<String> CONTROLLERS =
      Set.of("endpointslice-controller.k8s.io", "endpointslicemirroring-controller.k8s.io");

  @Override
  public String id() {
    return "clean/drop-endpoints";
  }

  @Override
  public String description() {
    return "Drops Endpoints and EndpointSlices that Kubernetes maintains; keeps hand-made ones";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Endpoints", "EndpointSlice.discovery.k8s.io");
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    String name = resource.ref().name();
    if ("default".equals(resource.ref().namespace()) && name.equals("kubernetes")) {
      return result.drop(resource.kind() + " of the API server itself: the target has its own")
          .build();
    }
    if (resource.kind().equals("Endpoints")) {
      return endpoints(resource, result);
    }
    String manager = resource.labels().getOrDefault(MANAGED_BY, "");
    boolean ownedByService =
        OwnerReferences.all(resource).stream()
            .anyMatch(r -> r.path("kind").asText().equals("Service"));
    if (CONTROLLERS.contains(manager) || ownedByService) {
      String service = resource.labels().getOrDefault("kubernetes.io/service-name", "?");
      return result
          .drop("EndpointSlice maintained by Kubernetes for Service " + service
              + ": the target builds its own")
          .build();
    }
    return result
        .warning(
            "EndpointSlice managed by '" + (manager.isEmpty() ? "nobody" : manager)
                + "' kept: nothing on the target re-creates it; its addresses ("
                + String.join(", ", addresses(resource, JsonPointer.of("endpoints"), "addresses"))
                + ") must be reachable from the target",
            "check the addresses, or leave it out if its manager is migrated too")
        .build();
  }

  private RewriteResult endpoints(ResourceView resource, RewriteResult.Builder result) {
    if (resource.annotations().containsKey(LEADER)) {
      return result.drop("Endpoints used as a leader-election record by an old controller").build();
    }
    List<String> fixed = new ArrayList<>();
    boolean podTargets = false;
    for (JsonNode subset : resource.at(JsonPointer.of("subsets"))) {
      for (String list : List.of("addresses", "notReadyAddresses")) {
        for (JsonNode address : subset.path(list)) {
          if (address.path("targetRef").path("kind").asText().equals("Pod")) {
            podTargets = true;
          } else {
            fixed.add(address.path("ip").asText(address.path("hostname").asText("?")));
          }
        }
      }
    }
    if (resource.annotations().containsKey(TRIGGER_TIME) || podTargets || fixed.isEmpty()) {
      return result
          .drop("Endpoints maintained by Kubernetes for Service " + resource.ref().name()
              + ": the target builds its own")
          .build();
    }
    return result
        .warning(
            "Endpoints with fixed addresses (" + String.join(", ", fixed)
                + ") kept: it looks hand-made for a Service without selector, and those addresses"
                + " must be reachable from the target",
            "check the addresses; point them at the target's equivalents if they are in the"
                + " source network")
        .build();
  }

  private static List<String> addresses(ResourceView resource, JsonPointer list, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode endpoint : resource.at(list)) {
      endpoint.path(field).forEach(a -> out.add(a.asText()));
    }
    return out;
  }
}
