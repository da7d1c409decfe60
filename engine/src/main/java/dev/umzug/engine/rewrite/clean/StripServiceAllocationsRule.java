package dev.umzug.engine.rewrite.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what the API server allocated for a Service from the source cluster's ranges: the cluster
 * IPs (except {@code None}, which makes a Service headless and must stay), the health-check node
 * port, and the node ports of a LoadBalancer Service.
 *
 * <p>Node ports of a {@code type: NodePort} Service are kept: nothing in the object says whether
 * they were allocated or chosen, and clients outside the cluster may use them. They may collide on
 * the target or lie outside its range, which an info finding says. {@code ipFamilies} and {@code
 * ipFamilyPolicy} are defaults the target accepts, and stay.
 */
public final class StripServiceAllocationsRule implements RewriteRule {

  private static final JsonPointer CLUSTER_IP = JsonPointer.of("spec", "clusterIP");
  private static final JsonPointer CLUSTER_IPS = JsonPointer.of("spec", "clusterIPs");
  private static final JsonPointer HEALTH_CHECK = JsonPointer.of("spec", "healthCheckNodePort");
  private static final JsonPointer PORTS = JsonPointer.of("spec", "ports");

  @Override
  public String id() {
    return "clean/strip-service-allocations";
  }

  @Override
  public String description() {
    return "Strips a Service's allocated cluster IPs and load-balancer node ports; headless stays";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Service");
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    boolean headless =
        "None".equals(resource.text(CLUSTER_IP).orElse(""))
            || containsNone(resource.at(CLUSTER_IPS));
    if (!headless) {
      if (resource.has(CLUSTER_IP)) {
        result.patch(PatchOp.remove(CLUSTER_IP));
      }
      if (resource.has(CLUSTER_IPS)) {
        result.patch(PatchOp.remove(CLUSTER_IPS));
      }
    }
    if (resource.has(HEALTH_CHECK)) {
      result.patch(PatchOp.remove(HEALTH_CHECK));
    }
    String type = resource.text(JsonPointer.of("spec", "type")).orElse("ClusterIP");
    JsonNode ports = resource.at(PORTS);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode nodePort = ports.get(i).get("nodePort");
      if (nodePort == null) {
        continue;
      }
      if (type.equals("NodePort")) {
        kept.add(nodePort.asText());
      } else {
        result.patch(PatchOp.remove(PORTS.append(i, "nodePort")));
      }
    }
    if (!kept.isEmpty()) {
      result.info(
          "node port" + (kept.size() > 1 ? "s " : " ") + String.join(", ", kept)
              + " kept: they may already be in use on the target, or lie outside its node-port"
              + " range");
    }
    return result.build();
  }

  private static boolean containsNone(JsonNode ips) {
    for (JsonNode ip : ips) {
      if ("None".equals(ip.asText())) {
        return true;
      }
    }
    return false;
  }
}
