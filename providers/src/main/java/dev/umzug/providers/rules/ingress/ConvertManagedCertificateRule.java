package dev.umzug.providers.rules.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.gke.GkeProfile;
import dev.umzug.providers.rules.support.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts GKE {@code ManagedCertificate} objects ({@code networking.gke.io/v1}) into cert-manager
 * {@code Certificate}s for the same domains, writing the Secret {@code <name>-tls}, and points
 * Ingresses that named them in {@code networking.gke.io/managed-certificates} at those Secrets
 * through {@code spec.tls}. The issuer is the ClusterIssuer {@value #ISSUER}, umzug's default.
 */
public final class ConvertManagedCertificateRule implements RewriteRule {

  /** The ClusterIssuer the converted certificates name; the findings say so. */
  public static final String ISSUER = "letsencrypt";

  static final String ANNOTATION = "networking.gke.io/managed-certificates";

  private static final String GROUP = "networking.gke.io";
  private static final String KIND = "ManagedCertificate";
  private static final JsonPointer TLS = JsonPointer.of("spec", "tls");

  @Override
  public String id() {
    return "ingress/convert-managed-certificate";
  }

  @Override
  public String description() {
    return "Converts GKE ManagedCertificates to cert-manager Certificates and points Ingresses at their Secrets";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds(KIND + "." + GROUP, "Ingress.networking.k8s.io", "Ingress.extensions");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return GkeProfile.ID.equals(source.id());
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    return resource.is(GROUP, KIND) ? certificate(resource) : ingress(resource, context);
  }

  static String secretName(String certificate) {
    return certificate + "-tls";
  }

  private RewriteResult certificate(ResourceView resource) {
    List<String> domains = new ArrayList<>();
    for (JsonNode d : resource.at(JsonPointer.of("spec", "domains"))) {
      if (d.isTextual()) {
        domains.add(d.asText());
      }
    }
    String name = resource.ref().name();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (domains.isEmpty()) {
      return result
          .warning(
              "ManagedCertificate " + name + " names no domains: nothing to convert",
              "create a cert-manager Certificate by hand if the certificate is still needed")
          .drop("ManagedCertificate without domains")
          .build();
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode spec = f.objectNode();
    spec.put("secretName", secretName(name));
    ArrayNode dnsNames = spec.putArray("dnsNames");
    domains.forEach(dnsNames::add);
    ObjectNode issuer = spec.putObject("issuerRef");
    issuer.put("name", ISSUER);
    issuer.put("kind", "ClusterIssuer");
    issuer.put("group", "cert-manager.io");
    return result
        .patch(PatchOp.replace(JsonPointer.of("apiVersion"), "cert-manager.io/v1"))
        .patch(PatchOp.replace(JsonPointer.of("kind"), "Certificate"))
        .patch(PatchOp.replace(JsonPointer.of("spec"), spec))
        .warning(
            "ManagedCertificate " + name + " becomes a cert-manager Certificate for "
                + String.join(", ", domains) + " in Secret " + secretName(name)
                + ", issued by the ClusterIssuer " + ISSUER + " (umzug's default issuer)",
            "install cert-manager and create a ClusterIssuer named " + ISSUER
                + " (e.g. ACME with an HTTP-01 solver on the target's ingress controller), or change"
                + " issuerRef; the domains must resolve to the target before the certificate is issued")
        .build();
  }

  private RewriteResult ingress(ResourceView resource, RewriteContext context) {
    String value = resource.annotations().get(ANNOTATION);
    if (value == null) {
      return RewriteResult.unchanged();
    }
    List<String> names = new ArrayList<>();
    for (String n : value.split(",")) {
      if (!n.isBlank()) {
        names.add(n.trim());
      }
    }
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    result.patch(PatchOp.remove(Meta.annotation(ANNOTATION)));
    Set<String> hosts = hosts(resource);
    Set<String> existing = new TreeSet<>();
    for (JsonNode t : resource.at(TLS)) {
      existing.add(t.path("secretName").asText(""));
    }
    ArrayNode added = JsonNodeFactory.instance.arrayNode();
    for (String name : names) {
      String secret = secretName(name);
      if (existing.contains(secret)) {
        continue;
      }
      ObjectNode entry = added.addObject();
      // One certificate covers the Ingress's hosts; with several, the controller picks by SNI.
      if (names.size() == 1 && !hosts.isEmpty()) {
        ArrayNode h = entry.putArray("hosts");
        hosts.forEach(h::add);
      }
      entry.put("secretName", secret);
      ResourceRef ref = new ResourceRef(GROUP, KIND, resource.ref().namespace(), name);
      if (!context.inventory().contains(ref)) {
        result.warning(
            "managed certificate " + name + " is not among the input objects, so nothing creates Secret " + secret,
            "export the ManagedCertificate " + name + " too, or create a cert-manager Certificate writing " + secret);
      }
    }
    if (!added.isEmpty()) {
      if (resource.at(TLS).isArray()) {
        added.forEach(entry -> result.patch(PatchOp.add(TLS.append("-"), entry)));
      } else {
        result.patch(PatchOp.add(TLS, added));
      }
    }
    return result
        .info(
            "managed certificates " + String.join(", ", names) + " are now served from the Secrets of"
                + " their cert-manager Certificates (issuer ClusterIssuer " + ISSUER + ")")
        .build();
  }

  private static Set<String> hosts(ResourceView resource) {
    Set<String> hosts = new TreeSet<>();
    for (JsonNode rule : resource.at(JsonPointer.of("spec", "rules"))) {
      if (rule.path("host").isTextual()) {
        hosts.add(rule.path("host").asText());
      }
    }
    return hosts;
  }
}
