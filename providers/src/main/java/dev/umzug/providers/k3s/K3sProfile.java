package dev.umzug.providers.k3s;

import dev.umzug.providers.profile.DataProfile;

/**
 * k3s (ServiceLB, local-path, bundled Traefik), as a target or a source. Its knowledge is in
 * {@code profiles/k3s.yaml}.
 */
public final class K3sProfile extends DataProfile {

  public static final String ID = "k3s";

  public K3sProfile() {
    super(ID);
  }
}
