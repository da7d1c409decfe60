package dev.umzug.providers.stackit;

import dev.umzug.providers.profile.DataProfile;

/**
 * STACKIT Kubernetes Engine, as a target or a source.
 * Its knowledge is in {@code profiles/stackit.yaml}.
 */
public final class StackitProfile extends DataProfile {

  public static final String ID = "stackit";

  public StackitProfile() {
    super(ID);
  }
}
