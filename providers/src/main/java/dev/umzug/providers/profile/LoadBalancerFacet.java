package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * Services of type LoadBalancer on a provider.
 *
 * @param confidence how sure the facts are overall
 * @param annotationPrefixes prefixes of the provider's Service annotations, removed when leaving it
 * @param loadBalancerClasses the provider's {@code spec.loadBalancerClass} values
 * @param internal internal (private) load balancers
 * @param proxyProtocol the PROXY protocol towards the backends
 * @param sourceRanges client address allow-lists
 * @param lostFeatures source annotations whose feature is lost, reported when removed
 * @param notes what else to know on this provider (target side), or an empty string
 * @param requirements settings its load balancers need that a source cannot supply (target side)
 */
public record LoadBalancerFacet(
    Confidence confidence,
    List<String> annotationPrefixes,
    List<String> loadBalancerClasses,
    LbFeature internal,
    LbFeature proxyProtocol,
    LbFeature sourceRanges,
    List<LostFeature> lostFeatures,
    String notes,
    List<LbRequirement> requirements) {

  public LoadBalancerFacet {
    Facts.required(confidence, "loadBalancer.confidence");
    annotationPrefixes = Facts.list(annotationPrefixes);
    loadBalancerClasses = Facts.list(loadBalancerClasses);
    Facts.required(internal, "loadBalancer.internal");
    Facts.required(proxyProtocol, "loadBalancer.proxyProtocol");
    Facts.required(sourceRanges, "loadBalancer.sourceRanges");
    lostFeatures = Facts.list(lostFeatures);
    notes = notes == null ? "" : notes;
    requirements = Facts.list(requirements);
  }

  public boolean isVendorAnnotation(String key) {
    return Facts.startsWithAny(key, annotationPrefixes);
  }

  public Optional<LostFeature> lostFeature(String key) {
    return lostFeatures.stream().filter(f -> f.matches(key)).findFirst();
  }
}
