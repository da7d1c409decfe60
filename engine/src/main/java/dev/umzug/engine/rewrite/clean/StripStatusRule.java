package dev.umzug.engine.rewrite.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;

/**
 * Removes {@code status} from every object, and from a StatefulSet's claim templates: status is
 * what a controller observed in the source, and the target's controllers write their own.
 */
public final class StripStatusRule implements RewriteRule {

  private static final JsonPointer STATUS = JsonPointer.of("status");

  @Override
  public String id() {
    return "clean/strip-status";
  }

  @Override
  public String description() {
    return "Strips status, which the target's controllers write again";
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
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (resource.has(STATUS)) {
      result.patch(PatchOp.remove(STATUS));
    }
    JsonNode claims = resource.at(JsonPointer.of("spec", "volumeClaimTemplates"));
    if (resource.is("apps", "StatefulSet") && claims.isArray()) {
      for (int i = 0; i < claims.size(); i++) {
        JsonPointer status = JsonPointer.of("spec", "volumeClaimTemplates", i, "status");
        if (resource.has(status)) {
          result.patch(PatchOp.remove(status));
        }
      }
    }
    return result.build();
  }
}
