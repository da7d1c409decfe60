package dev.umzug.providers.rules.secrets;

import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.providers.profile.SecretStoreFacet;
import dev.umzug.providers.rules.support.Facets;

/** The remediation shared by the secret-store rules. */
final class SecretManagers {

  private SecretManagers() {}

  static String noManager(RewriteContext context) {
    String r = Facets.target(context, SecretStoreFacet.class).remediation();
    return r.isEmpty()
        ? "run Vault or OpenBao on the target, or store the values in a plain Secret"
        : r;
  }
}
