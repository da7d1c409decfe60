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
