package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * Container registries of a provider.
 *
 * @param confidence how sure the facts are overall
 * @param hosts host patterns of the provider's registries
 * @param example an example host on this provider (target side), or null when it has none
 * @param pullNeedsCloudIdentity whether pulls rely on node cloud identity rather than a Secret
 */
public record RegistryFacet(
    Confidence confidence, List<RegistryHost> hosts, String example, boolean pullNeedsCloudIdentity) {

  public RegistryFacet {
    Facts.required(confidence, "registries.confidence");
    hosts = Facts.list(hosts);
  }

  public Optional<RegistryHost> hostOf(String host) {
    return hosts.stream().filter(h -> h.matches(host)).findFirst();
  }

  public Optional<String> exampleHost() {
    return Optional.ofNullable(example);
  }
}
