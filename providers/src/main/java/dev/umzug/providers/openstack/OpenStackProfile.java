package dev.umzug.providers.openstack;

import dev.umzug.providers.profile.DataProfile;

/**
 * Generic OpenStack (cloud-provider-openstack), as a target or a source. Its knowledge is in
 * {@code profiles/openstack.yaml}.
 */
public final class OpenStackProfile extends DataProfile {

  public static final String ID = "openstack";

  public OpenStackProfile() {
    super(ID);
  }
}
