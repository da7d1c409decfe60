package dev.umzug.providers.aks;

import dev.umzug.providers.profile.DataProfile;

/** Azure Kubernetes Service, as a source. Its knowledge is in {@code profiles/azure-aks.yaml}. */
public final class AksProfile extends DataProfile {

  public static final String ID = "azure-aks";

  public AksProfile() {
    super(ID);
  }
}
