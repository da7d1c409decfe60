package dev.umzug.it;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text that betrays a source provider in a manifest, written out here from the vendor facts and
 * independently of the provider profiles, so that a gap in a profile shows up as a test failure
 * instead of being hidden by it.
 */
final class VendorMarkers {

  private VendorMarkers() {}

  private static final Map<String, Pattern> BY_SOURCE = Map.of(
      "aws-eks", Pattern.compile(String.join("|",
          "eks\\.amazonaws\\.com", "service\\.beta\\.kubernetes\\.io/aws-load-balancer-[a-z-]+",
          "alb\\.ingress\\.kubernetes\\.io/[a-z.-]+", "karpenter\\.sh/[a-z-]+", "karpenter\\.k8s\\.aws",
          "topology\\.k8s\\.aws/[a-z-]+", "topology\\.ebs\\.csi\\.aws\\.com", "ebs\\.csi\\.aws\\.com",
          "efs\\.csi\\.aws\\.com", "kubernetes\\.io/aws-ebs", "service\\.k8s\\.aws", "elbv2\\.k8s\\.aws",
          "\\.dkr\\.ecr\\.", "public\\.ecr\\.aws", "arn:aws:", "ingressClassName: alb\\b",
          "storageClassName: (gp2|gp3|io1|io2|st1|sc1|efs-sc)\\b", "amazonaws\\.com")),
      "gcp-gke", Pattern.compile(String.join("|",
          "cloud\\.google\\.com/[a-z.-]+", "networking\\.gke\\.io/[a-z.-]+", "iam\\.gke\\.io/[a-z-]+",
          "pd\\.csi\\.storage\\.gke\\.io", "filestore\\.csi\\.storage\\.gke\\.io", "kubernetes\\.io/gce-pd",
          "(^|[ /\"])([a-z]+\\.)?gcr\\.io/", "[a-z0-9-]+-docker\\.pkg\\.dev", "ingress\\.gcp\\.kubernetes\\.io",
          "kubernetes\\.io/ingress\\.(global|regional)-static-ip-name", "cnrm\\.cloud\\.google\\.com",
          "autopilot\\.gke\\.io", "topology\\.gke\\.io", "sandbox\\.gke\\.io",
          "storageClassName: (standard-rwo|premium-rwo|standard-rwx|premium-rwx|enterprise-rwx|zonal-rwx)\\b",
          "ingressClassName: gce(-internal|-regional-external)?\\b")),
      "azure-aks", Pattern.compile(String.join("|",
          "service\\.beta\\.kubernetes\\.io/azure-[a-z-]+", "azure\\.workload\\.identity/[a-z-]+",
          "kubernetes\\.azure\\.com/[a-z-]+", "disk\\.csi\\.azure\\.com", "file\\.csi\\.azure\\.com",
          "kubernetes\\.io/azure-(disk|file)", "[a-z0-9]+\\.azurecr\\.io", "appgw\\.ingress\\.kubernetes\\.io/[a-z-]+",
          "aadpodid[a-z]*", "webapprouting\\.kubernetes\\.azure\\.com", "azure-application-gateway",
          "storageClassName: (managed-csi|managed-csi-premium|azurefile-csi|azurefile-csi-premium|managed-premium|azurefile)\\b")),
      "ovhcloud", Pattern.compile(String.join("|",
          "loadbalancer\\.ovhcloud\\.com/[a-z-]+", "container-registry\\.ovh\\.net",
          "ovh-loadbalancer-[a-z-]+", "storageClassName: csi-cinder-[a-z0-9-]+",
          "loadbalancer\\.openstack\\.org/[a-z-]+", "openstack-internal-load-balancer")));

  /** The markers of a source provider, if this table knows it. */
  static Optional<Pattern> of(String sourceProvider) {
    return Optional.ofNullable(BY_SOURCE.get(sourceProvider));
  }
}
