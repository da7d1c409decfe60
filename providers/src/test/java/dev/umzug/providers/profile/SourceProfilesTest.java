package dev.umzug.providers.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.spi.Capability;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.providers.aks.AksProfile;
import dev.umzug.providers.gke.GkeProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The gcp-gke and azure-aks source profiles")
class SourceProfilesTest {

  private static final List<Class<?>> FACETS =
      List.of(
          StorageFacet.class,
          LoadBalancerFacet.class,
          IngressFacet.class,
          WorkloadIdentityFacet.class,
          SecretStoreFacet.class,
          RegistryFacet.class,
          NodeSelectionFacet.class,
          VendorCrdFacet.class);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gcp-gke", "azure-aks"})
  @DisplayName("are registered, have every facet and name the same capabilities as the other profiles")
  void profilesAreComplete(String id) {
    ProviderProfile p = Registry.load().profile(id);
    for (Class<?> facet : FACETS) {
      assertThat(p.facet(facet)).as("%s has %s", id, facet.getSimpleName()).isPresent();
    }
    assertThat(p.capabilities())
        .extracting(Capability::name)
        .containsExactlyInAnyOrder(
            "volume-snapshots", "internal-load-balancer", "proxy-protocol", "ingress-controller",
            "secret-manager", "container-registry", "rwx-storage", "workload-identity", "spot-capacity");
    assertThat(p.jurisdiction().country()).isEqualTo("US");
    assertThat(p.jurisdiction().usCloudActExposure()).isTrue();
  }

  @Test
  @DisplayName("neither load balancer offers PROXY protocol, so no source annotation is read as one")
  void noProxyProtocol() {
    for (ProviderProfile p : List.of(new GkeProfile(), new AksProfile())) {
      LbFeature proxy = p.facet(LoadBalancerFacet.class).orElseThrow().proxyProtocol();
      assertThat(proxy.supported()).as(p.id()).isFalse();
      assertThat(proxy.recognise()).as(p.id()).isEmpty();
    }
  }

  @Test
  @DisplayName("the GKE internal marker matches Internal and the deprecated spelling; AKS only \"true\"")
  void internalMarkers() {
    LbFeature gke = new GkeProfile().facet(LoadBalancerFacet.class).orElseThrow().internal();
    assertThat(gke.recognisedIn(Map.of("networking.gke.io/load-balancer-type", "Internal"))).isPresent();
    assertThat(gke.recognisedIn(Map.of("cloud.google.com/load-balancer-type", "internal"))).isPresent();
    assertThat(gke.recognisedIn(Map.of("networking.gke.io/load-balancer-type", "External"))).isEmpty();
    LbFeature aks = new AksProfile().facet(LoadBalancerFacet.class).orElseThrow().internal();
    String key = "service.beta.kubernetes.io/azure-load-balancer-internal";
    assertThat(aks.recognisedIn(Map.of(key, "true"))).isPresent();
    assertThat(aks.recognisedIn(Map.of(key, "false"))).isEmpty();
    assertThat(aks.recognisedIn(Map.of(key, "yes"))).isEmpty();
  }

  @Test
  @DisplayName("disk types map to tiers: pd-standard and Standard_LRS hdd, balanced and StandardSSD ssd, the rest high-iops")
  void tiers() {
    StorageFacet gke = new GkeProfile().facet(StorageFacet.class).orElseThrow();
    assertThat(gke.tierOf("pd-standard")).hasValue(StorageTier.HDD);
    assertThat(gke.tierOf("pd-balanced")).hasValue(StorageTier.SSD);
    assertThat(gke.tierOf("pd-ssd")).hasValue(StorageTier.HIGH_IOPS);
    assertThat(gke.tierOf("pd-extreme")).hasValue(StorageTier.HIGH_IOPS);
    assertThat(gke.tierOf("hyperdisk-balanced")).hasValue(StorageTier.HIGH_IOPS);
    assertThat(gke.isFileProvisioner("filestore.csi.storage.gke.io")).isTrue();
    assertThat(gke.isVendorProvisioner("kubernetes.io/gce-pd")).isTrue();
    StorageFacet aks = new AksProfile().facet(StorageFacet.class).orElseThrow();
    assertThat(aks.tierOf("Standard_LRS")).hasValue(StorageTier.HDD);
    assertThat(aks.tierOf("StandardSSD_LRS")).hasValue(StorageTier.SSD);
    assertThat(aks.tierOf(null)).hasValue(StorageTier.SSD);
    assertThat(aks.tierOf("Premium_LRS")).hasValue(StorageTier.HIGH_IOPS);
    assertThat(aks.tierOf("UltraSSD_LRS")).hasValue(StorageTier.HIGH_IOPS);
    assertThat(aks.isFileProvisioner("file.csi.azure.com")).isTrue();
    assertThat(aks.isFileProvisioner("kubernetes.io/azure-file")).isTrue();
  }

  @Test
  @DisplayName("registry patterns match gcr.io, regional gcr.io, Artifact Registry and ACR, and nothing else")
  void registries() {
    RegistryFacet gke = new GkeProfile().facet(RegistryFacet.class).orElseThrow();
    assertThat(gke.hostOf("gcr.io")).isPresent();
    assertThat(gke.hostOf("eu.gcr.io")).isPresent();
    assertThat(gke.hostOf("europe-west3-docker.pkg.dev")).isPresent();
    assertThat(gke.hostOf("docker.pkg.dev")).isEmpty();
    assertThat(gke.hostOf("gcr.io.example.com")).isEmpty();
    RegistryFacet aks = new AksProfile().facet(RegistryFacet.class).orElseThrow();
    assertThat(aks.hostOf("contoso.azurecr.io")).isPresent();
    assertThat(aks.hostOf("azurecr.io")).isEmpty();
    assertThat(aks.hostOf("mcr.microsoft.com")).isEmpty();
  }

  @Test
  @DisplayName("ManagedCertificate is no vendor resource to drop (it is converted), BackendConfig is dropped, ASO blocks")
  void vendorCrds() {
    VendorCrdFacet gke = new GkeProfile().facet(VendorCrdFacet.class).orElseThrow();
    assertThat(gke.match("networking.gke.io", "ManagedCertificate")).isEmpty();
    assertThat(gke.match("cloud.google.com", "BackendConfig")).map(CrdGroupFact::action).hasValue(CrdAction.DROP);
    assertThat(gke.match("storage.cnrm.cloud.google.com", "StorageBucket")).map(CrdGroupFact::action).hasValue(CrdAction.BLOCK);
    VendorCrdFacet aks = new AksProfile().facet(VendorCrdFacet.class).orElseThrow();
    assertThat(aks.match("aadpodidentity.k8s.io", "AzureIdentity")).map(CrdGroupFact::action).hasValue(CrdAction.DROP);
    assertThat(aks.match("resources.azure.com", "ResourceGroup")).map(CrdGroupFact::action).hasValue(CrdAction.BLOCK);
    assertThat(aks.match("karpenter.azure.com", "AKSNodeClass")).map(CrdGroupFact::action).hasValue(CrdAction.CONVERT);
  }
}
