package dev.umzug.engine.rewrite.clean;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;

/**
 * Removes a Pod's {@code spec.nodeName}: the scheduler wrote it, and the node does not exist on the
 * target, where the Pod would stay pending forever.
 */
public final class StripPodNodeNameRule implements RewriteRule {

  private static final JsonPointer NODE_NAME = JsonPointer.of("spec", "nodeName");

  @Override
  public String id() {
    return "clean/strip-pod-node-name";
  }

  @Override
  public String description() {
    return "Strips a Pod's nodeName, so that the target's scheduler places it";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Pod");
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    return resource
        .text(NODE_NAME)
        .map(
            node ->
                RewriteResult.builder(this, resource)
                    .patch(PatchOp.remove(NODE_NAME))
                    .info("ran on node " + node + " in the source; the target's scheduler places it")
                    .build())
        .orElse(RewriteResult.unchanged());
  }
}
