package dev.umzug.providers.rules.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.IngressFacet;
import dev.umzug.providers.profile.LostFeature;
import dev.umzug.providers.rules.support.Facets;
import dev.umzug.providers.rules.support.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes the source controller's Ingress annotations (e.g. {@code alb.ingress.kubernetes.io/*})
 * and reports what is lost: WAF, authentication, custom actions, and vendor certificates, whose
 * hosts must get certificates from cert-manager on the target.
 */
public final class StripIngressAnnotationsRule implements RewriteRule {

  @Override
  public String id() {
    return "ingress/strip-ingress-annotations";
  }

  @Override
  public String description() {
    return "Removes the source controller's Ingress annotations and reports lost features";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Ingress.networking.k8s.io", "Ingress.extensions");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, IngressFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    IngressFacet source = Facets.source(context, IngressFacet.class);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    List<String> plain = new ArrayList<>();
    for (String key : resource.annotations().keySet()) {
      if (!source.isVendorAnnotation(key)) {
        continue;
      }
      result.patch(PatchOp.remove(Meta.annotation(key)));
      Optional<LostFeature> lost = source.lostFeature(key);
      if (source.tlsAnnotations().contains(key)) {
        result.warning(
            "TLS certificate from the source's certificate manager (" + key + ") is lost for hosts "
                + String.join(", ", hosts(resource)),
            "issue certificates with cert-manager: add the annotation cert-manager.io/cluster-issuer"
                + " naming a ClusterIssuer, and spec.tls entries with a secretName for these hosts");
      } else if (lost.isPresent()) {
        LostFeature f = lost.get();
        result.finding(
            f.severity(),
            "lost on " + context.target().displayName() + ": " + f.feature() + " (" + key + ")"
                + f.confidence().caveat(),
            f.remediation());
      } else {
        plain.add(key);
      }
    }
    if (!plain.isEmpty()) {
      result.info("removed ingress annotations of " + context.source().id() + ": " + String.join(", ", plain));
    }
    return result.build();
  }

  private static Set<String> hosts(ResourceView resource) {
    Set<String> hosts = new TreeSet<>();
    for (JsonNode rule : resource.at(JsonPointer.of("spec", "rules"))) {
      if (rule.path("host").isTextual()) {
        hosts.add(rule.path("host").asText());
      }
    }
    if (hosts.isEmpty()) {
      hosts.add("(no host: any)");
    }
    return hosts;
  }
}
