package dev.umzug.providers.rules.secrets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.SecretStoreFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;

/**
 * Secrets Store CSI classes of the source's manager ({@code spec.provider: aws}): pointed at the
 * target's manager where it has one (parameters must be filled in again), blocked otherwise.
 */
public final class ChangeSecretProviderClassRule implements RewriteRule {

  private static final JsonPointer PROVIDER = JsonPointer.of("spec", "provider");
  private static final JsonPointer PARAMETERS = JsonPointer.of("spec", "parameters");

  @Override
  public String id() {
    return "secrets/change-secret-provider-class";
  }

  @Override
  public String description() {
    return "Moves Secrets Store CSI classes to the target's secret manager, or blocks without one";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("SecretProviderClass.secrets-store.csi.x-k8s.io");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, SecretStoreFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<String> provider = resource.text(PROVIDER);
    SecretStoreFacet source = Facets.source(context, SecretStoreFacet.class);
    if (provider.isEmpty() || !source.csiProviders().contains(provider.get())) {
      return RewriteResult.unchanged();
    }
    SecretStoreFacet target = Facets.target(context, SecretStoreFacet.class);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (target.csiManager().isEmpty()) {
      return result
          .blocker(
              "secrets are mounted from the " + provider.get() + " secret manager, and "
                  + context.target().displayName() + " has none" + target.confidence().caveat(),
              SecretManagers.noManager(context))
          .build();
    }
    result.patch(PatchOp.replace(PROVIDER, target.csiManager().get()));
    if (resource.has(PARAMETERS)) {
      result.patch(PatchOp.replace(PARAMETERS, JsonNodeFactory.instance.objectNode()));
    }
    return result
        .warning(
            "provider " + provider.get() + " becomes " + target.csiManager().get()
                + "; its parameters were cleared",
            "fill in spec.parameters for " + target.csiManager().get() + " and re-create the secrets there")
        .build();
  }
}
