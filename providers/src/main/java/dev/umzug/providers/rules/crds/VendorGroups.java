package dev.umzug.providers.rules.crds;

import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.providers.profile.CrdGroupFact;
import dev.umzug.providers.profile.VendorCrdFacet;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The selector of every vendor group any registered profile knows, built once: {@code appliesTo}
 * has no context, so it covers all sources and {@code apply} checks the actual source.
 */
final class VendorGroups {

  private VendorGroups() {}

  private static final class Holder {
    static final ResourceSelector SELECTOR = build();
  }

  static ResourceSelector selector() {
    return Holder.SELECTOR;
  }

  private static ResourceSelector build() {
    TreeSet<String> entries = new TreeSet<>();
    for (ProviderProfile p : ServiceLoader.load(ProviderProfile.class, VendorGroups.class.getClassLoader())) {
      p.facet(VendorCrdFacet.class)
          .ifPresent(f -> f.groups().stream().map(CrdGroupFact::selectorEntry).forEach(entries::add));
    }
    return new ResourceSelector(entries);
  }
}
