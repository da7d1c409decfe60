package dev.umzug.providers.hetzner;

import dev.umzug.providers.profile.DataProfile;

/**
 * Hetzner Cloud (self-managed clusters with the hcloud CCM and CSI driver), as a target or a
 * source.
 * Its knowledge is in {@code profiles/hetzner.yaml}.
 */
public final class HetznerProfile extends DataProfile {

  public static final String ID = "hetzner";

  public HetznerProfile() {
    super(ID);
  }
}
