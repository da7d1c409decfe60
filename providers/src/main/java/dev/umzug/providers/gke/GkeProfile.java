package dev.umzug.providers.gke;

import dev.umzug.providers.profile.DataProfile;

/** Google Kubernetes Engine, as a source. Its knowledge is in {@code profiles/gcp-gke.yaml}. */
public final class GkeProfile extends DataProfile {

  public static final String ID = "gcp-gke";

  public GkeProfile() {
    super(ID);
  }
}
