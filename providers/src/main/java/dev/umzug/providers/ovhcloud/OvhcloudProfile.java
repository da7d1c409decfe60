package dev.umzug.providers.ovhcloud;

import dev.umzug.providers.profile.DataProfile;

/**
 * OVHcloud Managed Kubernetes, as a target or a source.
 * Its knowledge is in {@code profiles/ovhcloud.yaml}.
 */
public final class OvhcloudProfile extends DataProfile {

  public static final String ID = "ovhcloud";

  public OvhcloudProfile() {
    super(ID);
  }
}
