package dev.umzug.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingsTest {

  private static final Mappings MAPPINGS =
      new Mappings(Map.of(), Map.of(), Map.of(
          "123456789012.dkr.ecr.eu-central-1.amazonaws.com", "shop.cr.de-fra.ionos.com",
          "123456789012.dkr.ecr.eu-central-1.amazonaws.com/team-a", "teama.cr.de-fra.ionos.com/a",
          "gcr.io/proj", "registry.example.eu/proj"), Map.of(), Map.of(), Map.of("shop", "shop-eu"));

  @ParameterizedTest(name = "{0} becomes {1}")
  @CsvSource(delimiter = ' ', value = {
      "123456789012.dkr.ecr.eu-central-1.amazonaws.com/web:1.2 shop.cr.de-fra.ionos.com/web:1.2",
      "123456789012.dkr.ecr.eu-central-1.amazonaws.com/team-a/api:3 teama.cr.de-fra.ionos.com/a/api:3",
      "gcr.io/proj/app@sha256:abc registry.example.eu/proj/app@sha256:abc",
      "gcr.io/project/app:1 -",
      "docker.io/library/nginx:1.27 -",
  })
  @org.junit.jupiter.api.DisplayName("registry prefixes match at a path boundary, the longest first")
  void registryMapping(String image, String expected) {
    assertThat(MAPPINGS.registry(image).orElse("-")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "namespace {0} becomes {1}")
  @CsvSource({"shop,shop-eu", "other,other"})
  @org.junit.jupiter.api.DisplayName("namespaces are renamed only when mapped")
  void namespaceRename(String source, String target) {
    assertThat(MAPPINGS.namespace(source)).isEqualTo(target);
  }
}
