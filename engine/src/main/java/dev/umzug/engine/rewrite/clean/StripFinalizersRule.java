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
import java.util.Set;

/**
 * Removes {@code metadata.finalizers}. Controllers add them to objects they manage; on the target,
 * a finalizer whose controller does not run there (an AWS load balancer controller, say) would keep
 * the object from ever being deleted. The target's own controllers add theirs again.
 */
public final class StripFinalizersRule implements RewriteRule {

  private static final JsonPointer FINALIZERS = JsonPointer.of("metadata", "finalizers");

  /** Finalizers of Kubernetes itself, which the target adds again: removed without a word. */
  private static final Set<String> BUILT_IN =
      Set.of(
          "kubernetes",
          "orphan",
          "foregroundDeletion",
          "kubernetes.io/pvc-protection",
          "kubernetes.io/pv-protection",
          "service.kubernetes.io/load-balancer-cleanup",
          "external-attacher/ebs-csi-aws-com",
          "snapshot.storage.kubernetes.io/volumesnapshot-as-source-protection",
          "snapshot.storage.kubernetes.io/volumesnapshot-bound-protection");

  @Override
  public String id() {
    return "clean/strip-finalizers";
  }

  @Override
  public String description() {
    return "Strips finalizers, which only the source's controllers would ever remove";
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
    JsonNode finalizers = resource.at(FINALIZERS);
    if (finalizers.isMissingNode()) {
      return RewriteResult.unchanged();
    }
    List<String> foreign = new ArrayList<>();
    for (JsonNode f : finalizers) {
      if (!BUILT_IN.contains(f.asText())) {
        foreign.add(f.asText());
      }
    }
    var result = RewriteResult.builder(this, resource).patch(PatchOp.remove(FINALIZERS));
    if (!foreign.isEmpty()) {
      result.info(
          "finalizers removed: " + String.join(", ", foreign)
              + "; their controllers add them again on the target if they run there");
    }
    return result.build();
  }
}
