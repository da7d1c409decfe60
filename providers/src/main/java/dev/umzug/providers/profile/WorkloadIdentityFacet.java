package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;

/**
 * Workload identity: how pods get cloud credentials without secrets.
 *
 * @param confidence how sure the facts are
 * @param serviceAccountAnnotationPrefixes ServiceAccount annotation prefixes of the mechanism
 * @param identityAnnotations annotations whose value names the cloud identity (role ARN, client id)
 * @param podLabels pod labels that opt a pod in
 * @param lostPermission what is lost, e.g. {@code AWS IAM role (IRSA)}
 * @param replacement what the provider offers instead (target side), or an empty string for nothing
 */
public record WorkloadIdentityFacet(
    Confidence confidence,
    List<String> serviceAccountAnnotationPrefixes,
    List<String> identityAnnotations,
    List<String> podLabels,
    String lostPermission,
    String replacement) {

  public WorkloadIdentityFacet {
    Facts.required(confidence, "identity.confidence");
    serviceAccountAnnotationPrefixes = Facts.list(serviceAccountAnnotationPrefixes);
    identityAnnotations = Facts.list(identityAnnotations);
    podLabels = Facts.list(podLabels);
    lostPermission = lostPermission == null ? "cloud permissions" : lostPermission;
    replacement = replacement == null ? "" : replacement;
  }

  public boolean isMarker(String annotationKey) {
    return Facts.startsWithAny(annotationKey, serviceAccountAnnotationPrefixes);
  }
}
