package dev.umzug.providers.ionos;

import dev.umzug.providers.profile.DataProfile;

/** IONOS Managed Kubernetes. Its knowledge is in {@code profiles/ionos.yaml}. */
public final class IonosProfile extends DataProfile {

  public static final String ID = "ionos";

  public IonosProfile() {
    super(ID);
  }
}
