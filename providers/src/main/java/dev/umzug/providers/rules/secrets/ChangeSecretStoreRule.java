package dev.umzug.providers.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * External Secrets stores of the source's manager ({@code spec.provider.aws}): replaced by an
 * empty block for the target's manager where it has one, blocked otherwise.
 */
public final class ChangeSecretStoreRule implements RewriteRule {

  private static final JsonPointer PROVIDER = JsonPointer.of("spec", "provider");

  @Override
  public String id() {
    return "secrets/change-secret-store";
  }

  @Override
  public String description() {
    return "Moves External Secrets stores to the target's secret manager, or blocks without one";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("SecretStore.external-secrets.io", "ClusterSecretStore.external-secrets.io");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, SecretStoreFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<String> key = vendorKey(resource, Facets.source(context, SecretStoreFacet.class));
    if (key.isEmpty()) {
      return RewriteResult.unchanged();
    }
    SecretStoreFacet target = Facets.target(context, SecretStoreFacet.class);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (target.externalSecretsManager().isEmpty()) {
      return result
          .blocker(
              "secret store reads from the " + key.get() + " provider, and "
                  + context.target().displayName() + " has no secret manager" + target.confidence().caveat(),
              SecretManagers.noManager(context))
          .build();
    }
    String manager = target.externalSecretsManager().get();
    ObjectNode provider = JsonNodeFactory.instance.objectNode();
    provider.set(manager, JsonNodeFactory.instance.objectNode());
    return result
        .patch(PatchOp.replace(PROVIDER, provider))
        .warning(
            "provider " + key.get() + " becomes an empty " + manager + " block",
            "configure spec.provider." + manager + " and re-create the secrets there")
        .build();
  }

  static Optional<String> vendorKey(ResourceView store, SecretStoreFacet source) {
    JsonNode provider = store.at(PROVIDER);
    for (String key : source.externalSecretsProviders()) {
      if (provider.has(key)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}
