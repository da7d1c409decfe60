package dev.umzug.engine.convert;

import dev.umzug.engine.spi.ResourceRef;
import java.util.Locale;
import java.util.Set;

/**
 * Where each converted object is written, so that the same object always lands in the same file:
 * {@code cluster/<kind>[.<group>]_<name>.yaml} for cluster-scoped kinds, {@code
 * namespaces/<ns>/<kind>[.<group>]_<name>.yaml} for namespaced ones, and {@code
 * namespaces/_unset/...} for namespaced objects whose manifest names no namespace.
 */
public final class OutputLayout {

  /** Built-in cluster-scoped kinds, and the cluster-scoped kinds of common add-ons. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "ComponentStatus",
          "StorageClass.storage.k8s.io",
          "CSIDriver.storage.k8s.io",
          "CSINode.storage.k8s.io",
          "VolumeAttachment.storage.k8s.io",
          "ClusterRole.rbac.authorization.k8s.io",
          "ClusterRoleBinding.rbac.authorization.k8s.io",
          "CustomResourceDefinition.apiextensions.k8s.io",
          "APIService.apiregistration.k8s.io",
          "PriorityClass.scheduling.k8s.io",
          "IngressClass.networking.k8s.io",
          "RuntimeClass.node.k8s.io",
          "MutatingWebhookConfiguration.admissionregistration.k8s.io",
          "ValidatingWebhookConfiguration.admissionregistration.k8s.io",
          "ValidatingAdmissionPolicy.admissionregistration.k8s.io",
          "ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io",
          "CertificateSigningRequest.certificates.k8s.io",
          "FlowSchema.flowcontrol.apiserver.k8s.io",
          "PriorityLevelConfiguration.flowcontrol.apiserver.k8s.io",
          "VolumeSnapshotClass.snapshot.storage.k8s.io",
          "VolumeSnapshotContent.snapshot.storage.k8s.io",
          "GatewayClass.gateway.networking.k8s.io",
          "ClusterIssuer.cert-manager.io",
          "ClusterSecretStore.external-secrets.io",
          "ClusterExternalSecret.external-secrets.io",
          "NodePool.karpenter.sh",
          "NodeClaim.karpenter.sh",
          "EC2NodeClass.karpenter.k8s.aws",
          "ENIConfig.crd.k8s.amazonaws.com");

  private OutputLayout() {}

  /** Whether a kind is known to be cluster-scoped. Unknown kinds are taken as namespaced. */
  public static boolean isClusterScoped(String group, String kind) {
    return CLUSTER_SCOPED.contains(group.isEmpty() ? kind : kind + "." + group);
  }

  /** The relative path, with '/' separators, of the file that holds this object. */
  public static String pathOf(ResourceRef ref) {
    String file =
        ref.kind().toLowerCase(Locale.ROOT)
            + (ref.group().isEmpty() ? "" : "." + ref.group())
            + "_"
            + safe(ref.name())
            + ".yaml";
    if (ref.namespace() == null && isClusterScoped(ref.group(), ref.kind())) {
      return "cluster/" + file;
    }
    return "namespaces/" + (ref.namespace() == null ? "_unset" : safe(ref.namespace())) + "/" + file;
  }

  /** Keeps letters, digits, '.', '-' and '_'; every other byte becomes %XX, so names never clash. */
  static String safe(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    String s = sb.toString();
    return s.equals(".") || s.equals("..") ? s.replace(".", "%2E") : s;
  }
}
