package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;

/**
 * A storage class a provider offers.
 *
 * @param name class name, e.g. {@code ionos-enterprise-ssd}
 * @param tier its performance tier
 * @param defaultClass whether it is the cluster default
 * @param preinstalled whether it exists on a new cluster; others need a chart installed first
 * @param note how to get it when not preinstalled, or an empty string
 * @param confidence how sure the fact is
 */
public record StorageClassFact(
    String name,
    StorageTier tier,
    boolean defaultClass,
    boolean preinstalled,
    String note,
    Confidence confidence) {

  public StorageClassFact {
    Facts.required(name, "storageClasses[].name");
    Facts.required(tier, "storageClasses[].tier");
    Facts.required(confidence, "storageClasses[].confidence");
    note = note == null ? "" : note;
  }
}
