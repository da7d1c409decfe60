package dev.umzug.engine.spi;

/** How a fact about a provider was established; findings built on weak facts say so. */
public enum Confidence {
  /** Read in the vendor's own source or documentation. */
  CONFIRMED,
  /** Seen only in third-party manifests or output. */
  THIRD_PARTY,
  /** Not confirmed. */
  UNCONFIRMED;

  /** Text appended to a finding's message, empty for confirmed facts. */
  public String caveat() {
    return switch (this) {
      case CONFIRMED -> "";
      case THIRD_PARTY -> " (fact seen only in third-party manifests)";
      case UNCONFIRMED -> " (unconfirmed fact: check with the provider)";
    };
  }
}
