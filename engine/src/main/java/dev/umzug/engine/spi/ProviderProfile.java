package dev.umzug.engine.spi;

import java.util.List;
import java.util.Optional;

/**
 * What umzug knows about one provider. Registered in {@code
 * META-INF/services/dev.umzug.engine.spi.ProviderProfile} and loaded once.
 *
 * <p>Rules read provider knowledge through {@link #facet(Class)}: a provider pack defines its own
 * facet types (storage, load balancers, ...), so the engine needs no vendor knowledge.
 */
public interface ProviderProfile {

  /** Stable id used in plans and on the command line, e.g. {@code aws-eks}. */
  String id();

  /** Human name, e.g. {@code Amazon EKS}. */
  String displayName();

  Jurisdiction jurisdiction();

  /** What the provider can and cannot do, for {@code umzug providers} and planning. */
  List<Capability> capabilities();

  /** Typed provider knowledge, or empty when this profile has none of that kind. */
  default <T> Optional<T> facet(Class<T> type) {
    return Optional.empty();
  }
}
