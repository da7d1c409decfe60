package dev.umzug.providers.rules.ingress;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.providers.profile.IngressFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;

/** Which ingress classes belong to the source's controller, and what replaces them. */
final class IngressClasses {

  static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
  static final String DEFAULT_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

  private IngressClasses() {}

  /** A class is the source's by name, or because its IngressClass object names its controller. */
  static boolean isSourceClass(String name, RewriteContext context) {
    IngressFacet source = Facets.source(context, IngressFacet.class);
    if (source.classes().contains(name)) {
      return true;
    }
    return context
        .inventory()
        .get(new ResourceRef("networking.k8s.io", "IngressClass", null, name))
        .flatMap(c -> c.text(JsonPointer.of("spec", "controller")))
        .filter(source.controllers()::contains)
        .isPresent();
  }

  /** The default IngressClass of the input, if any. */
  static Optional<String> defaultClass(RewriteContext context) {
    for (ResourceView c : context.inventory().all("networking.k8s.io", "IngressClass")) {
      if ("true".equals(c.annotations().get(DEFAULT_ANNOTATION))) {
        return Optional.of(c.ref().name());
      }
    }
    return Optional.empty();
  }

  /** The class to write for a source class: the plan's mapping, else the target's default. */
  static Optional<String> replacement(String sourceClass, RewriteContext context) {
    return context
        .mappings()
        .ingressClass(sourceClass)
        .or(() -> Facets.target(context, IngressFacet.class).defaultClassName());
  }
}
