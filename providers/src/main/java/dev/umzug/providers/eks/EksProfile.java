package dev.umzug.providers.eks;

import dev.umzug.providers.profile.DataProfile;

/** Amazon EKS, as a source. Its knowledge is in {@code profiles/aws-eks.yaml}. */
public final class EksProfile extends DataProfile {

  public static final String ID = "aws-eks";

  public EksProfile() {
    super(ID);
  }
}
