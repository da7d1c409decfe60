package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;

/**
 * A node label that says how a node is bought.
 *
 * @param key the label key
 * @param spotValues the values that mean spot or preemptible capacity
 * @param confidence how sure the fact is
 */
public record CapacityLabel(String key, List<String> spotValues, Confidence confidence) {

  public CapacityLabel {
    Facts.required(key, "capacityLabels[].key");
    spotValues = Facts.list(spotValues);
    Facts.required(confidence, "capacityLabels[].confidence");
  }
}
