package dev.umzug.providers.rules.ingress;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.gke.GkeProfile;
import java.util.Optional;

/**
 * Warns about GKE internal Ingresses (class {@code gce-internal}, an internal Application Load
 * Balancer): the class they move to decides whether their hosts stay private, and a default public
 * controller would expose them. Proposes no patch; the class is changed by
 * {@code ingress/change-ingress-class}.
 */
public final class FlagInternalIngressRule implements RewriteRule {

  static final String INTERNAL_CLASS = "gce-internal";

  @Override
  public String id() {
    return "ingress/flag-internal-ingress";
  }

  @Override
  public String description() {
    return "Warns that a GKE internal Ingress may become public on the target";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Ingress.networking.k8s.io", "Ingress.extensions");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return GkeProfile.ID.equals(source.id());
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<String> current =
        resource
            .text(JsonPointer.of("spec", "ingressClassName"))
            .or(() -> Optional.ofNullable(resource.annotations().get(IngressClasses.CLASS_ANNOTATION)));
    if (current.filter(INTERNAL_CLASS::equals).isEmpty()) {
      return RewriteResult.unchanged();
    }
    String to = IngressClasses.replacement(INTERNAL_CLASS, context).orElse("no class yet");
    return RewriteResult.builder(this, resource)
        .warning(
            "internal GKE Ingress (class " + INTERNAL_CLASS + ") moves to class " + to
                + ": its hosts stay private only if that controller is exposed on a private network",
            "map " + INTERNAL_CLASS + " in the plan to an ingress class whose controller Service is internal"
                + " (or ClusterIP behind a VPN), separate from the public one")
        .build();
  }
}
