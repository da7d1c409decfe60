package dev.umzug.engine.spi;

import java.util.Comparator;
import java.util.Objects;

/**
 * One structured observation of a rule or a source: never an exception, always data.
 *
 * @param severity how much it matters
 * @param ruleId stable id of the rule or component that made it, e.g. {@code aws/strip-irsa-annotation}
 * @param resource the object concerned, or {@code null} for a finding about a file
 * @param location where the input came from, e.g. {@code app/web.yaml#2}; may be {@code null}
 * @param message what happened, one line, never containing secret values
 * @param remediation what an operator can do, or an empty string
 */
public record Finding(
    Severity severity,
    String ruleId,
    ResourceRef resource,
    String location,
    String message,
    String remediation) {

  /** Order used in reports: by object, then by rule, then most severe first, then message. */
  public static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing(Finding::resource, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(f -> f.location == null ? "" : f.location)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::severity, Comparator.reverseOrder())
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(message, "message");
    remediation = remediation == null ? "" : remediation;
  }

  public Finding withLocation(String newLocation) {
    return new Finding(severity, ruleId, resource, newLocation, message, remediation);
  }
}
