package dev.umzug.engine.rewrite.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.Optional;

/**
 * Drops Pods, ReplicaSets and Jobs that a controller made (an owner reference with {@code
 * controller: true}): the owner is migrated and its controller makes them again on the target;
 * migrating both would run the workload twice. When the owner itself was not read from the
 * source, nothing will recreate the object, which a warning says.
 */
public final class DropControlledChildrenRule implements RewriteRule {

  static final ResourceSelector SELECTOR = ResourceSelector.kinds("Pod", "ReplicaSet.apps", "Job.batch");

  @Override
  public String id() {
    return "clean/drop-controlled-children";
  }

  @Override
  public String description() {
    return "Drops Pods, ReplicaSets and Jobs that a controller made; the owner recreates them";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return SELECTOR;
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<JsonNode> controller = OwnerReferences.controller(resource);
    if (controller.isEmpty()) {
      return RewriteResult.unchanged();
    }
    JsonNode ref = controller.get();
    RewriteResult.Builder result =
        RewriteResult.builder(this, resource)
            .drop("made by " + OwnerReferences.describe(ref)
                + " (its controller): the owner recreates it on the target");
    String kind = ref.path("kind").asText("");
    ResourceRef owner =
        OwnerReferences.owner(ref, kind.equals("Node") ? null : resource.ref().namespace());
    if (!context.inventory().contains(owner)) {
      result.warning(
          "its owner " + owner + " was not read from the source, so nothing recreates this "
              + resource.kind() + " on the target",
          "export the owner too, or remove the ownerReference to migrate it as a bare "
              + resource.kind());
    }
    return result.build();
  }
}
