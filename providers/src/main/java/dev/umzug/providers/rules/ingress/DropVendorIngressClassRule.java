package dev.umzug.providers.rules.ingress;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.IngressFacet;
import dev.umzug.providers.rules.support.Facets;

/**
 * Drops IngressClass objects of the source's controller (e.g. {@code ingress.k8s.aws/alb}); the
 * target's controller installs its own class, which {@code ingress/change-ingress-class} writes.
 */
public final class DropVendorIngressClassRule implements RewriteRule {

  @Override
  public String id() {
    return "ingress/drop-vendor-ingress-class";
  }

  @Override
  public String description() {
    return "Drops IngressClass objects of the source's controller, naming their replacement";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("IngressClass.networking.k8s.io");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, IngressFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    String controller = resource.text(JsonPointer.of("spec", "controller")).orElse("");
    if (!Facets.source(context, IngressFacet.class).controllers().contains(controller)) {
      return RewriteResult.unchanged();
    }
    String name = resource.ref().name();
    String replacement = IngressClasses.replacement(name, context).orElse("no class yet");
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    result.info("ingress class " + name + " of controller " + controller + " is replaced by " + replacement);
    if ("true".equals(resource.annotations().get(IngressClasses.DEFAULT_ANNOTATION))) {
      result.warning(
          "ingress class " + name + " was the default class",
          "mark " + replacement + " as default (annotation " + IngressClasses.DEFAULT_ANNOTATION
              + ") when installing its controller, or set ingressClassName on every Ingress");
    }
    return result.drop("ingress class of the source's controller " + controller + ", replaced by " + replacement).build();
  }
}
