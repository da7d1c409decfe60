package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.Severity;

/**
 * A vendor annotation whose feature does not survive the move, reported when it is removed.
 *
 * @param key the annotation key, or a prefix ending in {@code *}
 * @param severity how much losing it matters
 * @param feature what it did, for the message
 * @param remediation what to do instead
 * @param confidence how sure the fact is
 */
public record LostFeature(
    String key, Severity severity, String feature, String remediation, Confidence confidence) {

  public LostFeature {
    Facts.required(key, "lostFeatures[].key");
    Facts.required(severity, "lostFeatures[].severity");
    Facts.required(feature, "lostFeatures[].feature");
    Facts.required(confidence, "lostFeatures[].confidence");
    remediation = remediation == null ? "" : remediation;
  }

  public boolean matches(String annotationKey) {
    return Facts.matchesPattern(key, annotationKey);
  }
}
