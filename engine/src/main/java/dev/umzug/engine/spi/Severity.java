package dev.umzug.engine.spi;

/** How much a finding matters, from least to most. */
public enum Severity {
  /** Something changed or was noticed; nothing to do. */
  INFO,
  /** The migration proceeds, but an operator should look: a feature is lost or approximated. */
  WARNING,
  /** An input could not be read or a rule failed; that input is not converted. */
  ERROR,
  /** The object cannot run on the target until an operator acts. */
  BLOCKER;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
