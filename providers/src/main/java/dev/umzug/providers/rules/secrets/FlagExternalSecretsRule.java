package dev.umzug.providers.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.SecretStoreFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reports ExternalSecrets that read from a store of the source's manager: their remote keys are
 * kept, and the secrets behind them must be re-created in the new store. Names keys, never values.
 */
public final class FlagExternalSecretsRule implements RewriteRule {

  @Override
  public String id() {
    return "secrets/flag-external-secrets";
  }

  @Override
  public String description() {
    return "Reports ExternalSecrets whose store is the source's manager, listing keys to re-create";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("ExternalSecret.external-secrets.io");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, SecretStoreFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    String name = resource.text(JsonPointer.of("spec", "secretStoreRef", "name")).orElse("");
    String kind = resource.text(JsonPointer.of("spec", "secretStoreRef", "kind")).orElse("SecretStore");
    String namespace = kind.equals("ClusterSecretStore") ? null : resource.ref().namespace();
    Optional<ResourceView> store =
        context.inventory().get(new ResourceRef("external-secrets.io", kind, namespace, name));
    Optional<String> key =
        store.flatMap(s -> ChangeSecretStoreRule.vendorKey(s, Facets.source(context, SecretStoreFacet.class)));
    if (key.isEmpty()) {
      return RewriteResult.unchanged();
    }
    Set<String> keys = new TreeSet<>();
    for (JsonNode d : resource.at(JsonPointer.of("spec", "data"))) {
      keys.add(d.path("remoteRef").path("key").asText());
    }
    for (JsonNode d : resource.at(JsonPointer.of("spec", "dataFrom"))) {
      JsonNode k = d.path("extract").path("key");
      if (k.isTextual()) {
        keys.add(k.asText());
      }
    }
    keys.remove("");
    return RewriteResult.builder(this, resource)
        .warning(
            "reads remote keys " + String.join(", ", keys) + " from " + kind + " " + name + " ("
                + key.get() + " provider); they must be re-created in the target's store",
            "copy each secret into the new store under the same key before cut-over")
        .build();
  }
}
