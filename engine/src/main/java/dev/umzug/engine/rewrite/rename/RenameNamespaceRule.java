package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;

/**
 * Moves objects into the namespace the plan renames theirs to, and renames the Namespace object
 * itself, with its {@code kubernetes.io/metadata.name} label, which the API server would set to the
 * new name anyway. Runs after every other rule, so that rules reason about the source namespace.
 */
public final class RenameNamespaceRule implements RewriteRule {

  private static final JsonPointer NAME_LABEL =
      JsonPointer.of("metadata", "labels", RewriteNamespaceSelectorsRule.NAME_LABEL);

  @Override
  public String id() {
    return "namespace/rename-namespace";
  }

  @Override
  public String description() {
    return "Moves objects into the namespace the plan renames theirs to (spec.namespaces[].renameTo).";
  }

  @Override
  public int priority() {
    return 950;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.all();
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    var renames = context.mappings().namespaces();
    if (renames.isEmpty()) {
      return RewriteResult.unchanged();
    }
    if (resource.is("", "Namespace")) {
      String to = renames.get(resource.ref().name());
      if (to == null) {
        return RewriteResult.unchanged();
      }
      var result =
          RewriteResult.builder(this, resource)
              .patch(PatchOp.replace(JsonPointer.of("metadata", "name"), to))
              .info("namespace " + resource.ref().name() + " becomes " + to);
      if (resource.has(NAME_LABEL)) {
        result.patch(PatchOp.replace(NAME_LABEL, to));
      }
      return result.build();
    }
    String namespace = resource.ref().namespace();
    if (namespace == null || !renames.containsKey(namespace)) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .patch(PatchOp.replace(JsonPointer.of("metadata", "namespace"), renames.get(namespace)))
        .build();
  }
}
