package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * Cloud secret managers reached from Kubernetes.
 *
 * @param confidence how sure the facts are
 * @param csiProviders Secrets Store CSI {@code spec.provider} ids to recognise
 * @param externalSecretsProviders External Secrets {@code spec.provider} keys to recognise
 * @param managerCsiProvider the provider's own manager as a CSI provider id (target side), or null
 * @param managerExternalSecretsProvider the provider's own manager as an ESO key, or null
 * @param remediation what to do on this provider when it has no manager
 */
public record SecretStoreFacet(
    Confidence confidence,
    List<String> csiProviders,
    List<String> externalSecretsProviders,
    String managerCsiProvider,
    String managerExternalSecretsProvider,
    String remediation) {

  public SecretStoreFacet {
    Facts.required(confidence, "secrets.confidence");
    csiProviders = Facts.list(csiProviders);
    externalSecretsProviders = Facts.list(externalSecretsProviders);
    remediation = remediation == null ? "" : remediation;
  }

  public Optional<String> csiManager() {
    return Optional.ofNullable(managerCsiProvider);
  }

  public Optional<String> externalSecretsManager() {
    return Optional.ofNullable(managerExternalSecretsProvider);
  }
}
