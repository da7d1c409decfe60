package dev.umzug.providers.rules.identity;

import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.providers.profile.WorkloadIdentityFacet;
import dev.umzug.providers.rules.support.Facets;

/** The remediation text shared by the identity rules. */
final class IdentityRemedies {

  private IdentityRemedies() {}

  static String remediation(RewriteContext context) {
    String replacement = Facets.target(context, WorkloadIdentityFacet.class).replacement();
    String offered =
        replacement.isEmpty()
            ? context.target().displayName() + " has no workload identity"
            : "on " + context.target().displayName() + " use " + replacement;
    return offered
        + ": supply credentials in a Secret, or trust the target cluster's OIDC issuer in the source"
        + " cloud while both run; move cloud API calls (e.g. S3) to target services with new endpoints";
  }
}
