package dev.umzug.engine.rewrite.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Workloads;
import java.util.List;

/**
 * Removes the metadata an API server writes and the target would refuse or misread: identity and
 * version fields, managed fields, deletion marks, kubectl's last-applied configuration and the
 * Deployment revision counter. Silent, except for an object that was being deleted.
 */
public final class StripServerMetadataRule implements RewriteRule {

  /** Fields of {@code metadata} that only the source's API server can give meaning to. */
  static final List<String> FIELDS =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "managedFields",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  static final List<String> ANNOTATIONS =
      List.of(
          "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision");

  private static final JsonPointer METADATA = JsonPointer.of("metadata");

  @Override
  public String id() {
    return "clean/strip-server-metadata";
  }

  @Override
  public String description() {
    return "Strips uid, resourceVersion, managedFields and other metadata the API server wrote";
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
    for (String field : FIELDS) {
      removeIfPresent(resource, METADATA.append(field), result);
    }
    for (String key : ANNOTATIONS) {
      removeIfPresent(resource, METADATA.append("annotations", key), result);
    }
    // kubectl exports carry "creationTimestamp: null" in every template
    Workloads.podMetadata(resource)
        .ifPresent(m -> removeIfPresent(resource, m.append("creationTimestamp"), result));
    JsonNode claims = resource.at(JsonPointer.of("spec", "volumeClaimTemplates"));
    if (resource.is("apps", "StatefulSet") && claims.isArray()) {
      for (int i = 0; i < claims.size(); i++) {
        removeIfPresent(
            resource,
            JsonPointer.of("spec", "volumeClaimTemplates", i, "metadata", "creationTimestamp"),
            result);
      }
    }
    resource
        .text(METADATA.append("deletionTimestamp"))
        .ifPresent(
            t ->
                result.warning(
                    "the object was being deleted in the source (deletionTimestamp " + t
                        + "); it is migrated without the deletion mark",
                    "leave it out of the migration if it should be gone"));
    return result.build();
  }

  private static void removeIfPresent(
      ResourceView resource, JsonPointer pointer, RewriteResult.Builder result) {
    if (resource.has(pointer)) {
      result.patch(PatchOp.remove(pointer));
    }
  }
}
