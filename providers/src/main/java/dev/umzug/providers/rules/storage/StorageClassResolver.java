package dev.umzug.providers.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.providers.profile.StorageClassFact;
import dev.umzug.providers.profile.StorageFacet;
import dev.umzug.providers.profile.StorageTier;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;

/**
 * Decides which target storage class replaces a source class: the plan's mapping first, else the
 * target class of the same tier. Shared by the storage rules so they agree.
 */
final class StorageClassResolver {

  /** How a source class was resolved. */
  enum Kind {
    /** The plan maps it. */
    MAPPED,
    /** A vendor class, replaced by the target class of its tier. */
    BY_TIER,
    /** Not a vendor class: left alone. */
    PORTABLE,
    /** A vendor RWX file class and the target offers no RWX class: left to the RWX rule. */
    SHARED_UNSUPPORTED,
    /** Neither in the input nor known: cannot say. */
    UNKNOWN
  }

  /**
   * The outcome.
   *
   * @param kind how it was decided
   * @param target the target class, for MAPPED and BY_TIER
   * @param tier the tier, for BY_TIER
   * @param exactTier whether the target class has exactly that tier
   * @param confidence confidence of the facts used
   */
  record Resolution(
      Kind kind, String target, StorageTier tier, boolean exactTier, Confidence confidence) {

    boolean rewrites() {
      return kind == Kind.MAPPED || kind == Kind.BY_TIER;
    }
  }

  static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

  private StorageClassResolver() {}

  static Optional<ResourceView> storageClassObject(RewriteContext context, String name) {
    return context
        .inventory()
        .get(new ResourceRef("storage.k8s.io", "StorageClass", null, name));
  }

  static Resolution resolve(String sourceClass, RewriteContext context) {
    Optional<String> mapped = context.mappings().storageClass(sourceClass);
    if (mapped.isPresent()) {
      return new Resolution(Kind.MAPPED, mapped.get(), null, true, Confidence.CONFIRMED);
    }
    StorageFacet source = Facets.source(context, StorageFacet.class);
    StorageFacet target = Facets.target(context, StorageFacet.class);
    Optional<ResourceView> object = storageClassObject(context, sourceClass);
    StorageTier tier;
    Confidence confidence = source.confidence();
    if (object.isPresent()) {
      String provisioner = object.get().text(JsonPointer.of("provisioner")).orElse(null);
      if (!source.isVendorProvisioner(provisioner)) {
        return new Resolution(Kind.PORTABLE, null, null, true, Confidence.CONFIRMED);
      }
      if (source.isFileProvisioner(provisioner)) {
        return shared(target);
      }
      JsonNode type = object.get().at(JsonPointer.of("parameters", source.tierParameter()));
      tier = source.tierOf(type.isTextual() ? type.asText() : null).orElse(source.defaultTier());
    } else {
      Optional<StorageClassFact> known = source.storageClass(sourceClass);
      if (known.isPresent()) {
        tier = known.get().tier();
        confidence = known.get().confidence();
      } else if (source.tiers().containsKey(sourceClass)) {
        tier = source.tiers().get(sourceClass);
      } else {
        return new Resolution(Kind.UNKNOWN, null, null, false, confidence);
      }
    }
    Optional<StorageClassFact> chosen = target.classForTier(tier);
    if (chosen.isEmpty()) {
      return new Resolution(Kind.UNKNOWN, null, tier, false, confidence);
    }
    Confidence weakest =
        chosen.get().confidence().compareTo(confidence) > 0 ? chosen.get().confidence() : confidence;
    return new Resolution(
        Kind.BY_TIER, chosen.get().name(), tier, chosen.get().tier() == tier, weakest);
  }

  private static Resolution shared(StorageFacet target) {
    if (target.rwx().offersClass()) {
      return new Resolution(
          Kind.BY_TIER, target.rwx().storageClass(), null, true, target.rwx().confidence());
    }
    return new Resolution(Kind.SHARED_UNSUPPORTED, null, null, false, target.rwx().confidence());
  }

  /** The name of the source's default class: the one marked default in the input, else known. */
  static Optional<String> sourceDefaultClass(RewriteContext context) {
    for (ResourceView sc : context.inventory().all("storage.k8s.io", "StorageClass")) {
      if ("true".equals(sc.annotations().get(DEFAULT_CLASS_ANNOTATION))) {
        return Optional.of(sc.ref().name());
      }
    }
    return Facets.source(context, StorageFacet.class).defaultClass().map(StorageClassFact::name);
  }
}
