package dev.umzug.providers.scaleway;

import dev.umzug.providers.profile.DataProfile;

/**
 * Scaleway Kubernetes Kapsule, as a target or a source.
 * Its knowledge is in {@code profiles/scaleway.yaml}.
 */
public final class ScalewayProfile extends DataProfile {

  public static final String ID = "scaleway";

  public ScalewayProfile() {
    super(ID);
  }
}
