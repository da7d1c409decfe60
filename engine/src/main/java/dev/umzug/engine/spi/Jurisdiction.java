package dev.umzug.engine.spi;

import java.util.List;

/**
 * Where a provider is headquartered, and so whose law reaches the data.
 *
 * @param country ISO 3166 alpha-2 code of the headquarters, e.g. {@code DE}
 * @param operator the company, e.g. {@code IONOS SE}
 * @param usCloudActExposure whether the operator is subject to the US CLOUD Act
 * @param regions region codes the provider offers
 * @param confidence how sure the facts are
 */
public record Jurisdiction(
    String country,
    String operator,
    boolean usCloudActExposure,
    List<String> regions,
    Confidence confidence) {

  public Jurisdiction {
    regions = List.copyOf(regions);
  }
}
