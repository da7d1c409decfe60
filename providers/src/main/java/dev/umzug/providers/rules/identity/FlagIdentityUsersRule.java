package dev.umzug.providers.rules.identity;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Workloads;
import dev.umzug.providers.profile.WorkloadIdentityFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports workloads whose ServiceAccount (looked up in the inventory) carries a cloud identity, so
 * the loss is visible where it hurts; removes workload-identity opt-in labels from pod templates.
 */
public final class FlagIdentityUsersRule implements RewriteRule {

  @Override
  public String id() {
    return "identity/flag-identity-users";
  }

  @Override
  public String description() {
    return "Reports workloads running under a service account with a cloud identity";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.WORKLOADS;
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, WorkloadIdentityFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<JsonPointer> podSpec = Workloads.podSpec(resource);
    if (podSpec.isEmpty()) {
      return RewriteResult.unchanged();
    }
    WorkloadIdentityFacet source = Facets.source(context, WorkloadIdentityFacet.class);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    String account =
        resource
            .text(podSpec.get().append("serviceAccountName"))
            .or(() -> resource.text(podSpec.get().append("serviceAccount")))
            .orElse("default");
    Optional<ResourceView> sa =
        context.inventory().get(new ResourceRef("", "ServiceAccount", resource.ref().namespace(), account));
    if (sa.isPresent()) {
      List<String> identities = new ArrayList<>();
      for (String key : source.identityAnnotations()) {
        String value = sa.get().annotations().get(key);
        if (value != null) {
          identities.add(value);
        }
      }
      if (!identities.isEmpty()) {
        result.warning(
            "runs as service account " + account + " whose " + source.lostPermission() + " "
                + String.join(", ", identities) + " is lost on " + context.target().displayName()
                + ": its cloud API calls will fail" + source.confidence().caveat(),
            IdentityRemedies.remediation(context));
      }
    }
    Workloads.podMetadata(resource)
        .ifPresent(
            meta -> {
              for (String label : source.podLabels()) {
                JsonPointer path = meta.append("labels", label);
                if (resource.has(path)) {
                  result.patch(PatchOp.remove(path));
                  result.warning(
                      "pod label " + label + " opted into workload identity and was removed",
                      IdentityRemedies.remediation(context));
                }
              }
            });
    return result.build();
  }
}
