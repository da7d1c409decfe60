package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * Ingress on a provider.
 *
 * @param confidence how sure the facts are overall
 * @param classes the provider's ingress class names, e.g. {@code alb}
 * @param controllers the IngressClass {@code spec.controller} strings, e.g. {@code ingress.k8s.aws/alb}
 * @param annotationPrefixes prefixes of the controller's Ingress annotations
 * @param tlsAnnotations annotations that attach a vendor-managed certificate
 * @param lostFeatures annotations whose feature is lost, reported when removed
 * @param defaultClass class to write when no mapping says otherwise (target side), or {@code null}
 * @param portableChoice the recommended portable setup on this provider (target side)
 * @param controllerBundled whether the cluster ships an ingress controller
 */
public record IngressFacet(
    Confidence confidence,
    List<String> classes,
    List<String> controllers,
    List<String> annotationPrefixes,
    List<String> tlsAnnotations,
    List<LostFeature> lostFeatures,
    String defaultClass,
    String portableChoice,
    boolean controllerBundled) {

  public IngressFacet {
    Facts.required(confidence, "ingress.confidence");
    classes = Facts.list(classes);
    controllers = Facts.list(controllers);
    annotationPrefixes = Facts.list(annotationPrefixes);
    tlsAnnotations = Facts.list(tlsAnnotations);
    lostFeatures = Facts.list(lostFeatures);
    portableChoice = portableChoice == null ? "" : portableChoice;
  }

  public Optional<String> defaultClassName() {
    return Optional.ofNullable(defaultClass);
  }

  public boolean isVendorAnnotation(String key) {
    return Facts.startsWithAny(key, annotationPrefixes);
  }

  public Optional<LostFeature> lostFeature(String key) {
    return lostFeatures.stream().filter(f -> f.matches(key)).findFirst();
  }
}
