package dev.umzug.providers.rules.storage;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.StorageFacet;
import dev.umzug.providers.profile.StorageTier;
import dev.umzug.providers.rules.storage.StorageClassResolver.Kind;
import dev.umzug.providers.rules.storage.StorageClassResolver.Resolution;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;

/**
 * Points claims at the target's storage classes: {@code spec.storageClassName} and the legacy
 * {@code volume.beta.kubernetes.io/storage-class} annotation of PersistentVolumeClaims and of
 * StatefulSet volume claim templates. A plan mapping wins; otherwise the class of the same tier.
 * A claim without a class got the source's default; it is pinned to the target class of that
 * default's tier, so an SSD volume does not silently become HDD.
 */
public final class ChangeStorageClassRule implements RewriteRule {

  static final String LEGACY_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

  @Override
  public String id() {
    return "storage/change-storage-class";
  }

  @Override
  public String description() {
    return "Rewrites claims' storage classes to the target's class of the same tier, or as mapped";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("PersistentVolumeClaim", "StatefulSet.apps");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, StorageFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    Claims.each(resource, (claim, prefix) -> claim(resource, claim, prefix, context, result));
    return result.build();
  }

  private void claim(
      ResourceView resource,
      JsonPointer claim,
      String prefix,
      RewriteContext context,
      RewriteResult.Builder result) {
    if (!resource.at(claim.append("spec")).isObject()) {
      return; // a claim without a spec is not a claim the API server would take: nothing to point
    }
    JsonPointer field = claim.append("spec", "storageClassName");
    JsonPointer legacy = claim.append("metadata", "annotations", LEGACY_ANNOTATION);
    Optional<String> fieldValue = resource.text(field);
    Optional<String> legacyValue = resource.text(legacy);
    if (fieldValue.isPresent()) {
      rewrite(fieldValue.get(), field, prefix, context, result);
    }
    if (legacyValue.isPresent()) {
      rewrite(legacyValue.get(), legacy, prefix + "legacy annotation: ", context, result);
    }
    if (fieldValue.isEmpty() && legacyValue.isEmpty() && !resource.has(field)) {
      pinDefault(field, prefix, context, result);
    }
  }

  private void rewrite(
      String current,
      JsonPointer path,
      String prefix,
      RewriteContext context,
      RewriteResult.Builder result) {
    if (current.isEmpty()) {
      return;
    }
    Resolution r = StorageClassResolver.resolve(current, context);
    if (r.kind() == Kind.UNKNOWN) {
      result.warning(
          prefix + "storage class " + current + " is neither in the input nor known for "
              + context.source().id() + ", so it was left as it is",
          "add a storageClasses mapping for " + current + " in the plan");
      return;
    }
    if (!r.rewrites() || r.target().equals(current)) {
      return;
    }
    result.patch(PatchOp.replace(path, r.target()));
    report(current, r, prefix, context, result);
  }

  private void pinDefault(
      JsonPointer field, String prefix, RewriteContext context, RewriteResult.Builder result) {
    Optional<String> sourceDefault = StorageClassResolver.sourceDefaultClass(context);
    if (sourceDefault.isEmpty()) {
      return;
    }
    Resolution r = StorageClassResolver.resolve(sourceDefault.get(), context);
    if (!r.rewrites()) {
      return;
    }
    result.patch(PatchOp.add(field, r.target()));
    report(sourceDefault.get() + " (the source default)", r, prefix, context, result);
  }

  private static void report(
      String from, Resolution r, String prefix, RewriteContext context, RewriteResult.Builder result) {
    String how = r.kind() == Kind.MAPPED ? "as mapped in the plan" : "by tier " + tierLabel(r.tier());
    String message =
        prefix + "storage class " + from + " becomes " + r.target() + " " + how + r.confidence().caveat();
    if (r.exactTier()) {
      result.info(message);
      return;
    }
    StorageFacet target = Facets.target(context, StorageFacet.class);
    String install =
        target
            .installableClass(r.tier())
            .or(() -> target.storageClasses().stream()
                .filter(c -> !c.preinstalled() && !c.note().isEmpty())
                .findFirst())
            .map(c -> "; or install " + c.name() + " (" + c.note() + ") and map to it")
            .orElse("");
    // what the chosen class is like matters most when it is a fallback (e.g. node-local storage)
    String chosen = target.storageClass(r.target()).map(c -> c.note()).filter(n -> !n.isEmpty())
        .map(n -> " (" + r.target() + ": " + n + ")").orElse("");
    result.warning(
        message + ", the nearest tier: " + context.target().displayName() + " has no preinstalled "
            + tierLabel(r.tier()) + " class" + chosen,
        "check the volume's performance and availability needs" + install);
  }

  private static String tierLabel(StorageTier tier) {
    return tier == null ? "shared" : tier.label();
  }
}
