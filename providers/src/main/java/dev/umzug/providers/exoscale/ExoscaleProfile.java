package dev.umzug.providers.exoscale;

import dev.umzug.providers.profile.DataProfile;

/** Exoscale SKS, as a target or a source. Its knowledge is in {@code profiles/exoscale.yaml}. */
public final class ExoscaleProfile extends DataProfile {

  public static final String ID = "exoscale";

  public ExoscaleProfile() {
    super(ID);
  }
}
