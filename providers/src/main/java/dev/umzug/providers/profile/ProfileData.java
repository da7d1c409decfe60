package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Capability;
import dev.umzug.engine.spi.Jurisdiction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole content of one profile data file ({@code profiles/<id>.yaml}). Every facet is optional:
 * a profile without one is simply not relevant to the rules that need it.
 */
public record ProfileData(
    String id,
    String displayName,
    Jurisdiction jurisdiction,
    List<Capability> capabilities,
    StorageFacet storage,
    LoadBalancerFacet loadBalancer,
    IngressFacet ingress,
    WorkloadIdentityFacet identity,
    SecretStoreFacet secrets,
    RegistryFacet registries,
    NodeSelectionFacet nodes,
    VendorCrdFacet crds) {

  public ProfileData {
    Facts.required(id, "id");
    Facts.required(displayName, "displayName");
    Facts.required(jurisdiction, "jurisdiction");
    capabilities = Facts.list(capabilities);
  }

  /** The facets present, by type, for {@code ProviderProfile.facet(Class)}. */
  public Map<Class<?>, Object> facets() {
    Map<Class<?>, Object> map = new LinkedHashMap<>();
    put(map, StorageFacet.class, storage);
    put(map, LoadBalancerFacet.class, loadBalancer);
    put(map, IngressFacet.class, ingress);
    put(map, WorkloadIdentityFacet.class, identity);
    put(map, SecretStoreFacet.class, secrets);
    put(map, RegistryFacet.class, registries);
    put(map, NodeSelectionFacet.class, nodes);
    put(map, VendorCrdFacet.class, crds);
    return map;
  }

  private static void put(Map<Class<?>, Object> map, Class<?> type, Object facet) {
    if (facet != null) {
      map.put(type, facet);
    }
  }
}
