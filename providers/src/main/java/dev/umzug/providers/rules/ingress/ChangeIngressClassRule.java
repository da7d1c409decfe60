package dev.umzug.providers.rules.ingress;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.IngressFacet;
import dev.umzug.providers.rules.support.Facets;
import dev.umzug.providers.rules.support.Meta;
import java.util.Optional;

/**
 * Moves Ingresses of the source's controller (e.g. class {@code alb}) to the target's class: the
 * plan's mapping, else the target profile's portable default (never the retired ingress-nginx). The
 * deprecated {@code kubernetes.io/ingress.class} annotation becomes {@code spec.ingressClassName}.
 */
public final class ChangeIngressClassRule implements RewriteRule {

  private static final JsonPointer CLASS_NAME = JsonPointer.of("spec", "ingressClassName");

  @Override
  public String id() {
    return "ingress/change-ingress-class";
  }

  @Override
  public String description() {
    return "Moves Ingresses of the source's controller to the mapped or default target class";
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
    Optional<String> field = resource.text(CLASS_NAME);
    Optional<String> annotation =
        Optional.ofNullable(resource.annotations().get(IngressClasses.CLASS_ANNOTATION));
    Optional<String> current = field.or(() -> annotation);
    boolean byDefault = current.isEmpty();
    if (byDefault) {
      current = IngressClasses.defaultClass(context);
    }
    if (current.isEmpty() || !IngressClasses.isSourceClass(current.get(), context)) {
      return RewriteResult.unchanged();
    }
    String from = current.get();
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    Optional<String> to = IngressClasses.replacement(from, context);
    if (to.isEmpty()) {
      return result
          .blocker(
              "ingress class " + from + " has no counterpart and " + context.target().displayName()
                  + " names no default class",
              "add an ingressClasses mapping for " + from + " in the plan")
          .build();
    }
    result.patch(field.isPresent() ? PatchOp.replace(CLASS_NAME, to.get()) : PatchOp.add(CLASS_NAME, to.get()));
    if (annotation.isPresent()) {
      result.patch(PatchOp.remove(Meta.annotation(IngressClasses.CLASS_ANNOTATION)));
    }
    String how = context.mappings().ingressClass(from).isPresent() ? "as mapped in the plan" : "the target's default";
    result.info(
        "ingress class " + from + (byDefault ? " (the input's default class)" : "") + " becomes "
            + to.get() + ", " + how);
    IngressFacet target = Facets.target(context, IngressFacet.class);
    if (!target.controllerBundled() && context.mappings().ingressClass(from).isEmpty()) {
      result.warning(
          context.target().displayName() + " bundles no ingress controller: class " + to.get()
              + " works only once its controller is installed" + target.confidence().caveat(),
          "install the controller for " + to.get() + " or map the class in the plan; recommended: "
              + target.portableChoice());
    }
    return result.build();
  }
}
