package dev.umzug.providers.rules.identity;

import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Workloads;
import dev.umzug.providers.aks.AksProfile;
import java.util.Optional;

/**
 * Blocks workloads bound to an Azure identity through the deprecated AAD Pod Identity (pod label
 * {@code aadpodidbinding}) and removes the label: the AzureIdentityBinding it names is dropped by
 * {@code crds/drop-vendor-resources}, and the pod gets no credential until one is supplied.
 */
public final class BlockAadPodIdentityRule implements RewriteRule {

  /** The pod label; the catalog marks it unconfirmed. */
  static final String LABEL = "aadpodidbinding";

  @Override
  public String id() {
    return "identity/block-aad-pod-identity";
  }

  @Override
  public String description() {
    return "Blocks workloads that get Azure credentials through AAD Pod Identity";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.WORKLOADS;
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return AksProfile.ID.equals(source.id());
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<JsonPointer> meta = Workloads.podMetadata(resource);
    if (meta.isEmpty()) {
      return RewriteResult.unchanged();
    }
    JsonPointer path = meta.get().append("labels", LABEL);
    Optional<String> binding = resource.text(path);
    if (binding.isEmpty()) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .patch(PatchOp.remove(path))
        .blocker(
            "pods are bound to an Azure identity through AAD Pod Identity (label " + LABEL + ": "
                + binding.get() + "), which does not exist on " + context.target().displayName()
                + ": their Azure API calls will fail"
                + Confidence.UNCONFIRMED.caveat(),
            IdentityRemedies.remediation(context)
                + "; supply the credential before unblocking")
        .build();
  }
}
