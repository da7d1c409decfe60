package dev.umzug.providers.rules.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.gke.GkeProfile;
import dev.umzug.providers.rules.support.Meta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Removes the Service annotations through which GKE Ingress configures its backends, and says what
 * each one did: {@code cloud.google.com/neg} (NEGs), {@code cloud.google.com/backend-config} (the
 * BackendConfig with Cloud Armor, IAP, timeouts), {@code cloud.google.com/app-protocols} (HTTPS or
 * HTTP/2 to the pods). The controller-written {@code cloud.google.com/neg-status} goes silently.
 * These keys are not in the profile's load-balancer prefixes, whose rule would list the status key.
 */
public final class StripGkeBackendAnnotationsRule implements RewriteRule {

  static final String NEG = "cloud.google.com/neg";
  static final String NEG_STATUS = "cloud.google.com/neg-status";
  static final String APP_PROTOCOLS = "cloud.google.com/app-protocols";
  static final List<String> BACKEND_CONFIG =
      List.of("cloud.google.com/backend-config", "beta.cloud.google.com/backend-config");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return "load-balancer/strip-gke-backend-annotations";
  }

  @Override
  public String description() {
    return "Removes GKE Ingress backend annotations from Services (NEG, BackendConfig, app protocols)";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Service");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return GkeProfile.ID.equals(source.id());
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Map<String, String> annotations = resource.annotations();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (annotations.containsKey(NEG_STATUS)) {
      result.patch(PatchOp.remove(Meta.annotation(NEG_STATUS)));
    }
    String neg = annotations.get(NEG);
    if (neg != null) {
      result.patch(PatchOp.remove(Meta.annotation(NEG)));
      result.info(
          "container-native load balancing through network endpoint groups (" + NEG + ": " + neg
              + ") is GKE-only; the target's ingress controller routes to the pods itself");
    }
    for (String key : BACKEND_CONFIG) {
      String value = annotations.get(key);
      if (value == null) {
        continue;
      }
      result.patch(PatchOp.remove(Meta.annotation(key)));
      List<String> names = new ArrayList<>(backendConfigs(value));
      List<String> missing = new ArrayList<>();
      for (String n : names) {
        if (!context.inventory().contains(new ResourceRef("cloud.google.com", "BackendConfig", resource.ref().namespace(), n))) {
          missing.add(n);
        }
      }
      result.warning(
          "BackendConfig " + String.join(", ", names) + " (" + key + ") no longer applies to this"
              + " Service: its Cloud Armor policy, IAP, CDN, timeouts, connection draining, health check"
              + " and session affinity settings are lost"
              + (missing.isEmpty() ? "" : "; not among the input objects: " + String.join(", ", missing)),
          "read the BackendConfig and rebuild what it set in the target's ingress controller (timeouts,"
              + " health checks, sticky sessions); put a WAF and an authenticating proxy in front for"
              + " Cloud Armor and IAP");
    }
    String protocols = annotations.get(APP_PROTOCOLS);
    if (protocols != null) {
      result.patch(PatchOp.remove(Meta.annotation(APP_PROTOCOLS)));
      result.warning(
          "the protocol towards the pods per port (" + APP_PROTOCOLS + ": " + protocols + ") is lost:"
              + " the target's ingress controller speaks plain HTTP to them unless told otherwise",
          "set the backend scheme in the target's ingress controller (e.g. the Service annotation"
              + " traefik.ingress.kubernetes.io/service.serversscheme: https, or h2c for HTTP/2)");
    }
    return result.build();
  }

  /** BackendConfig names in {@code {"default": "a", "ports": {"80": "b"}}}, sorted. */
  static TreeSet<String> backendConfigs(String value) {
    TreeSet<String> names = new TreeSet<>();
    try {
      JsonNode root = JSON.readTree(value);
      if (root.path("default").isTextual()) {
        names.add(root.path("default").asText());
      }
      root.path("ports").forEach(n -> names.add(n.asText()));
    } catch (IOException e) {
      names.add(value);
    }
    if (names.isEmpty()) {
      names.add(value);
    }
    return names;
  }
}
