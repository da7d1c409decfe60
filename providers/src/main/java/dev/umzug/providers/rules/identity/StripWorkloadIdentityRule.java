package dev.umzug.providers.rules.identity;

import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.WorkloadIdentityFacet;
import dev.umzug.providers.rules.support.Facets;
import dev.umzug.providers.rules.support.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes workload-identity markers (e.g. {@code eks.amazonaws.com/role-arn}) from ServiceAccounts
 * and names the cloud identity that is lost with them.
 */
public final class StripWorkloadIdentityRule implements RewriteRule {

  @Override
  public String id() {
    return "identity/strip-workload-identity";
  }

  @Override
  public String description() {
    return "Removes workload identity annotations from service accounts, naming the lost cloud role";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("ServiceAccount");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, WorkloadIdentityFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    WorkloadIdentityFacet source = Facets.source(context, WorkloadIdentityFacet.class);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    List<String> identities = new ArrayList<>();
    for (Map.Entry<String, String> e : resource.annotations().entrySet()) {
      if (source.isMarker(e.getKey())) {
        result.patch(PatchOp.remove(Meta.annotation(e.getKey())));
        if (source.identityAnnotations().contains(e.getKey())) {
          identities.add(e.getValue());
        }
      }
    }
    if (!result.hasPatch()) {
      return RewriteResult.unchanged();
    }
    String who = identities.isEmpty() ? "" : " " + String.join(", ", identities);
    return result
        .warning(
            source.lostPermission() + who + " is lost: pods using this service account can no longer"
                + " call cloud APIs with it" + source.confidence().caveat(),
            IdentityRemedies.remediation(context))
        .build();
  }
}
