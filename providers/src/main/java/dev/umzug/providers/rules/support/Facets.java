package dev.umzug.providers.rules.support;

import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.RewriteContext;

/** Reads facets from the two profiles of a rewrite. Rules call these only when relevant. */
public final class Facets {

  private Facets() {}

  /** Whether both profiles have the facet: the usual {@code relevantFor}. */
  public static boolean both(ProviderProfile source, ProviderProfile target, Class<?> type) {
    return source.facet(type).isPresent() && target.facet(type).isPresent();
  }

  public static <T> T source(RewriteContext context, Class<T> type) {
    return context
        .source()
        .facet(type)
        .orElseThrow(() -> missing(context.source(), type));
  }

  public static <T> T target(RewriteContext context, Class<T> type) {
    return context
        .target()
        .facet(type)
        .orElseThrow(() -> missing(context.target(), type));
  }

  /** Name of the target provider for messages, e.g. {@code IONOS Managed Kubernetes}. */
  public static String targetName(RewriteContext context) {
    return context.target().displayName();
  }

  public static String sourceName(RewriteContext context) {
    return context.source().displayName();
  }

  private static IllegalStateException missing(ProviderProfile profile, Class<?> type) {
    return new IllegalStateException(
        "profile " + profile.id() + " has no " + type.getSimpleName() + "; relevantFor must exclude it");
  }
}
