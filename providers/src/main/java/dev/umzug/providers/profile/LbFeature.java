package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One load-balancer feature (internal scheme, PROXY protocol, source ranges): how a source
 * expresses it, and whether and how a target does.
 *
 * @param recognise annotations that mean the feature is on (source side)
 * @param supported whether the provider offers it (target side)
 * @param annotations what to write to turn it on (target side), possibly empty
 * @param remediation what to do where it is not supported
 * @param confidence how sure the fact is
 */
public record LbFeature(
    List<AnnotationMatch> recognise,
    boolean supported,
    Map<String, String> annotations,
    String remediation,
    Confidence confidence) {

  public LbFeature {
    recognise = Facts.list(recognise);
    annotations = Facts.map(annotations);
    remediation = remediation == null ? "" : remediation;
    Facts.required(confidence, "loadBalancer feature confidence");
  }

  /** The first annotation that turns the feature on, if any. */
  public Optional<AnnotationMatch> recognisedIn(Map<String, String> objectAnnotations) {
    return recognise.stream().filter(m -> m.matches(objectAnnotations)).findFirst();
  }
}
