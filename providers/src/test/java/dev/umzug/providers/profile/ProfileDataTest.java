package dev.umzug.providers.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.spi.Capability;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.providers.eks.EksProfile;
import dev.umzug.providers.ionos.IonosProfile;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Provider profile data")
class ProfileDataTest {

  private static final List<Class<?>> FACETS =
      List.of(
          StorageFacet.class,
          LoadBalancerFacet.class,
          IngressFacet.class,
          WorkloadIdentityFacet.class,
          SecretStoreFacet.class,
          RegistryFacet.class,
          NodeSelectionFacet.class);

  @Test
  @DisplayName("aws-eks and ionos are registered and have every facet the rules read")
  void profilesAreComplete() {
    Registry registry = Registry.load();
    for (String id : List.of("aws-eks", "ionos")) {
      ProviderProfile p = registry.profile(id);
      for (Class<?> facet : FACETS) {
        assertThat(p.facet(facet)).as("%s has %s", id, facet.getSimpleName()).isPresent();
      }
      assertThat(p.capabilities())
          .extracting(Capability::name)
          .contains(
              "volume-snapshots", "internal-load-balancer", "proxy-protocol", "ingress-controller",
              "secret-manager", "container-registry", "rwx-storage");
    }
    assertThat(registry.profile("aws-eks").facet(VendorCrdFacet.class)).isPresent();
  }

  /** The capability names every profile states, supported or not: the matrix of umzug providers. */
  private static final List<String> CAPABILITIES =
      List.of(
          "volume-snapshots", "internal-load-balancer", "proxy-protocol", "ingress-controller",
          "secret-manager", "container-registry", "rwx-storage", "workload-identity", "spot-capacity");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "aws-eks", "ionos", "ovhcloud", "stackit", "scaleway", "hetzner", "otc", "exoscale", "openstack", "k3s"
      })
  @DisplayName("every profile loads, states every capability exactly once, has a jurisdiction and every facet")
  void everyProfileIsComplete(String id) {
    ProviderProfile p = Registry.load().profile(id);
    assertThat(p.capabilities()).extracting(Capability::name).containsExactlyInAnyOrderElementsOf(CAPABILITIES);
    assertThat(p.capabilities()).allSatisfy(c -> assertThat(c.detail()).as(c.name()).isNotBlank());
    assertThat(p.jurisdiction().country()).matches("[A-Z]{2}");
    assertThat(p.jurisdiction().operator()).isNotBlank();
    assertThat(p.jurisdiction().confidence()).isNotNull();
    for (Class<?> facet : FACETS) {
      assertThat(p.facet(facet)).as("%s has %s", id, facet.getSimpleName()).isPresent();
    }
    IngressFacet ingress = p.facet(IngressFacet.class).orElseThrow();
    assertThat(ingress.defaultClass()).as("%s never defaults to the retired ingress-nginx", id).isNotEqualTo("nginx");
  }

  @Test
  @DisplayName("targets that lack a capability say what to install or do instead")
  void missingCapabilitiesNameAnAlternative() {
    Registry registry = Registry.load();
    LoadBalancerFacet exoscale = registry.profile("exoscale").facet(LoadBalancerFacet.class).orElseThrow();
    assertThat(exoscale.internal().supported()).isFalse();
    assertThat(exoscale.internal().remediation()).isNotBlank();
    assertThat(exoscale.proxyProtocol().supported()).isFalse();
    assertThat(exoscale.proxyProtocol().remediation()).contains("externalTrafficPolicy: Local");
    IngressFacet hetzner = registry.profile("hetzner").facet(IngressFacet.class).orElseThrow();
    assertThat(hetzner.controllerBundled()).isFalse();
    assertThat(hetzner.portableChoice()).contains("no ingress", "Traefik", "Gateway API");
    assertThat(registry.profile("hetzner").facet(StorageFacet.class).orElseThrow().snapshots().supported()).isFalse();
    assertThat(registry.profile("hetzner").facet(LoadBalancerFacet.class).orElseThrow().requirements())
        .singleElement()
        .satisfies(r -> assertThat(r.anyOf()).containsExactly(
            "load-balancer.hetzner.cloud/location", "load-balancer.hetzner.cloud/network-zone"));
    assertThat(registry.profile("k3s").facet(IngressFacet.class).orElseThrow().controllerBundled()).isTrue();
  }

  @Test
  @DisplayName("target registry patterns match their documented hosts and nothing else")
  void targetRegistryPatterns() {
    Registry registry = Registry.load();
    RegistryFacet ovh = registry.profile("ovhcloud").facet(RegistryFacet.class).orElseThrow();
    assertThat(ovh.hostOf("abcd1234.c1.gra9.container-registry.ovh.net")).isPresent();
    assertThat(ovh.hostOf("abcd1234.eu-west-par.container-registry.ovh.net")).isPresent();
    assertThat(ovh.hostOf("container-registry.ovh.net.evil.example")).isEmpty();
    RegistryFacet scw = registry.profile("scaleway").facet(RegistryFacet.class).orElseThrow();
    assertThat(scw.hostOf("rg.fr-par.scw.cloud")).isPresent();
    assertThat(scw.hostOf("rg.nl-ams.scw.cloud")).isPresent();
    assertThat(scw.hostOf("scw.cloud")).isEmpty();
    RegistryFacet stackit = registry.profile("stackit").facet(RegistryFacet.class).orElseThrow();
    assertThat(stackit.hostOf("registry.onstackit.cloud")).isPresent();
    RegistryFacet otc = registry.profile("otc").facet(RegistryFacet.class).orElseThrow();
    assertThat(otc.hostOf("swr.eu-de.otc.t-systems.com")).isPresent();
    for (String none : List.of("hetzner", "exoscale", "openstack", "k3s")) {
      assertThat(registry.profile(none).facet(RegistryFacet.class).orElseThrow().hosts()).as(none).isEmpty();
    }
  }

  @Test
  @DisplayName("jurisdiction lists the US locations of EU providers, which are CLOUD Act exposure")
  void usLocationsAreListed() {
    Registry registry = Registry.load();
    assertThat(registry.profile("hetzner").jurisdiction().regions()).contains("ash", "hil");
    assertThat(registry.profile("ionos").jurisdiction().regions()).contains("us/las", "us/ewr", "us/mci");
    for (String id : List.of("ovhcloud", "stackit", "scaleway", "hetzner", "otc", "exoscale")) {
      assertThat(registry.profile(id).jurisdiction().usCloudActExposure()).as(id).isFalse();
    }
  }

  @Test
  @DisplayName("jurisdiction says AWS is exposed to the US CLOUD Act and IONOS, in Germany, is not")
  void jurisdiction() {
    assertThat(new EksProfile().jurisdiction().usCloudActExposure()).isTrue();
    assertThat(new IonosProfile().jurisdiction().country()).isEqualTo("DE");
    assertThat(new IonosProfile().jurisdiction().usCloudActExposure()).isFalse();
  }

  @Test
  @DisplayName("the target picks the nearest tier, never a slower one when a faster exists")
  void tierChoice() {
    StorageFacet ionos = new IonosProfile().facet(StorageFacet.class).orElseThrow();
    assertThat(ionos.classForTier(StorageTier.SSD)).map(StorageClassFact::name).hasValue("ionos-enterprise-ssd");
    assertThat(ionos.classForTier(StorageTier.HDD)).map(StorageClassFact::name).hasValue("ionos-enterprise-hdd");
    assertThat(ionos.classForTier(StorageTier.HIGH_IOPS)).map(StorageClassFact::name).hasValue("ionos-enterprise-ssd");
  }

  @Test
  @DisplayName("the ECR pattern matches account registries, including China, and nothing else")
  void ecrPattern() {
    RegistryFacet eks = new EksProfile().facet(RegistryFacet.class).orElseThrow();
    assertThat(eks.hostOf("123456789012.dkr.ecr.eu-central-1.amazonaws.com")).isPresent();
    assertThat(eks.hostOf("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn")).isPresent();
    assertThat(eks.hostOf("12345.dkr.ecr.eu-central-1.amazonaws.com")).isEmpty();
    assertThat(eks.hostOf("ghcr.io")).isEmpty();
  }

  @Test
  @DisplayName("a data file with an unknown field fails loudly, naming the file")
  void unknownFieldFails() {
    assertThatThrownBy(
            () ->
                ProfileLoader.parse(
                    "bad.yaml",
                    "id: bad\ndisplayName: Bad\nsurprise: 1\n"
                        + "jurisdiction: {country: DE, operator: X, usCloudActExposure: false,"
                        + " regions: [], confidence: confirmed}\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("surprise");
  }

  @Test
  @DisplayName("a facet without its confidence fails loudly")
  void missingConfidenceFails() {
    String yaml =
        "id: bad\ndisplayName: Bad\n"
            + "jurisdiction: {country: DE, operator: X, usCloudActExposure: false, regions: [], confidence: confirmed}\n"
            + "identity: {serviceAccountAnnotationPrefixes: []}\n";
    assertThatThrownBy(() -> ProfileLoader.parse("bad.yaml", yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("identity.confidence");
  }

  @Test
  @DisplayName("a missing data file fails when the profile is created, not later")
  void missingFileFails() {
    assertThatThrownBy(() -> ProfileLoader.load("no-such-provider"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-provider.yaml");
  }
}
