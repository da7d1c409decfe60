package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.Severity;
import java.util.List;
import java.util.Map;

/**
 * A setting a target's load balancers need that no source can supply, such as the location of a
 * Hetzner load balancer: reported on every LoadBalancer Service that does not set one of the keys.
 *
 * @param anyOf annotation keys, any one of which satisfies the requirement
 * @param severity how much a missing setting matters
 * @param message what is needed, for the finding
 * @param remediation how to supply it
 * @param confidence how sure the fact is
 */
public record LbRequirement(
    List<String> anyOf, Severity severity, String message, String remediation, Confidence confidence) {

  public LbRequirement {
    anyOf = Facts.list(anyOf);
    if (anyOf.isEmpty()) {
      throw new IllegalArgumentException("missing field 'requirements[].anyOf'");
    }
    Facts.required(severity, "requirements[].severity");
    Facts.required(message, "requirements[].message");
    Facts.required(confidence, "requirements[].confidence");
    remediation = remediation == null ? "" : remediation;
  }

  /** Whether the annotations already satisfy it. */
  public boolean satisfiedBy(Map<String, String> annotations) {
    return anyOf.stream().anyMatch(annotations::containsKey);
  }
}
