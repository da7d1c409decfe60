package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * Custom resources that exist only on a provider.
 *
 * @param confidence how sure the facts are overall
 * @param groups the groups and what to do with them, first match wins
 */
public record VendorCrdFacet(Confidence confidence, List<CrdGroupFact> groups) {

  public VendorCrdFacet {
    Facts.required(confidence, "crds.confidence");
    groups = Facts.list(groups);
  }

  public Optional<CrdGroupFact> match(String apiGroup, String kind) {
    return groups.stream().filter(g -> g.matches(apiGroup, kind)).findFirst();
  }

  /** For CustomResourceDefinitions: a group entry whatever the kind. */
  public Optional<CrdGroupFact> matchGroup(String apiGroup) {
    return groups.stream().filter(g -> g.matchesGroup(apiGroup)).findFirst();
  }
}
