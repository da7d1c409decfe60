package dev.umzug.engine.rewrite.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.List;

/**
 * Removes {@code metadata.ownerReferences}. An owner reference names its owner by uid, and uids do
 * not carry over: on the target the garbage collector would find no owner and delete the object.
 * So every reference goes, not only a controller's; a non-controller reference gets a finding,
 * because the link it made (cascading deletion) is not re-created. Controller-made Pods,
 * ReplicaSets and Jobs are dropped by {@code clean/drop-controlled-children} and get no finding
 * here.
 */
public final class StripOwnerReferencesRule implements RewriteRule {

  @Override
  public String id() {
    return "clean/strip-owner-references";
  }

  @Override
  public String description() {
    return "Strips ownerReferences, whose owner uids do not exist on the target";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.all();
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    if (!resource.has(OwnerReferences.POINTER)) {
      return RewriteResult.unchanged();
    }
    RewriteResult.Builder result =
        RewriteResult.builder(this, resource).patch(PatchOp.remove(OwnerReferences.POINTER));
    if (DropControlledChildrenRule.SELECTOR.matches(resource.ref())
        && OwnerReferences.controller(resource).isPresent()) {
      return result.build();
    }
    List<JsonNode> refs = OwnerReferences.all(resource);
    for (JsonNode ref : refs) {
      boolean controller = ref.path("controller").asBoolean(false);
      result.info(
          (controller ? "controller reference to " : "owner reference to ")
              + OwnerReferences.describe(ref)
              + " removed: owner uids do not carry over, and the target's garbage collector would"
              + " delete an object whose owner it cannot find"
              + (controller ? "; the owner's controller may adopt it again" : ""));
    }
    return result.build();
  }
}
