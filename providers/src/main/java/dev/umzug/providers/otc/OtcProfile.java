package dev.umzug.providers.otc;

import dev.umzug.providers.profile.DataProfile;

/**
 * Open Telekom Cloud CCE, as a target or a source.
 * Its knowledge is in {@code profiles/otc.yaml}.
 */
public final class OtcProfile extends DataProfile {

  public static final String ID = "otc";

  public OtcProfile() {
    super(ID);
  }
}
