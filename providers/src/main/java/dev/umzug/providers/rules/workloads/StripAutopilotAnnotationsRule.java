package dev.umzug.providers.rules.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Workloads;
import dev.umzug.providers.gke.GkeProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes GKE Autopilot's {@code autopilot.gke.io/*} annotations from workloads and their pod
 * templates, and warns where Autopilot mutated the resource requests: the exported requests are
 * Autopilot's, the original ones are the {@code input} of {@code autopilot.gke.io/resource-adjustment}.
 */
public final class StripAutopilotAnnotationsRule implements RewriteRule {

  static final String PREFIX = "autopilot.gke.io/";
  static final String ADJUSTMENT = PREFIX + "resource-adjustment";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return "workloads/strip-autopilot-annotations";
  }

  @Override
  public String description() {
    return "Removes GKE Autopilot annotations and warns that Autopilot changed the resource requests";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.WORKLOADS;
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return GkeProfile.ID.equals(source.id());
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Set<JsonPointer> metadata = new LinkedHashSet<>();
    metadata.add(JsonPointer.of("metadata"));
    Workloads.podMetadata(resource).ifPresent(metadata::add);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    List<String> removed = new ArrayList<>();
    Optional<String> adjustment = Optional.empty();
    for (JsonPointer meta : metadata) {
      Map<String, String> annotations = ResourceView.stringMap(resource.at(meta.append("annotations")));
      for (Map.Entry<String, String> e : annotations.entrySet()) {
        if (!e.getKey().startsWith(PREFIX)) {
          continue;
        }
        result.patch(PatchOp.remove(meta.append("annotations", e.getKey())));
        if (!removed.contains(e.getKey())) {
          removed.add(e.getKey());
        }
        if (e.getKey().equals(ADJUSTMENT) && adjustment.isEmpty()) {
          adjustment = Optional.of(e.getValue());
        }
      }
    }
    if (removed.isEmpty()) {
      return RewriteResult.unchanged();
    }
    if (adjustment.isPresent()) {
      result.warning(
          "resource requests were mutated by GKE Autopilot (" + ADJUSTMENT + "); the requests before"
              + " Autopilot were: " + originalRequests(adjustment.get()),
          "review requests and limits before applying: Autopilot raised them to its minimums and"
              + " CPU:memory ratios; restore the original values or size them for the target's nodes");
    }
    return result.info("removed GKE Autopilot annotations: " + String.join(", ", removed)).build();
  }

  /** The {@code input} requests per container, e.g. {@code app: cpu=100m, memory=128Mi}. */
  static String originalRequests(String annotation) {
    JsonNode root;
    try {
      root = JSON.readTree(annotation);
    } catch (IOException e) {
      return "unknown (the annotation is not JSON)";
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode c : root.path("input").path("containers")) {
      List<String> requests = new ArrayList<>();
      c.path("requests").fields().forEachRemaining(r -> requests.add(r.getKey() + "=" + r.getValue().asText()));
      parts.add(c.path("name").asText("?") + ": " + (requests.isEmpty() ? "none" : String.join(", ", requests)));
    }
    return parts.isEmpty() ? "unknown (no input in the annotation)" : String.join("; ", parts);
  }
}
