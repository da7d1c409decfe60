package dev.umzug.engine.plan;

import java.util.Locale;

/** What restore does when an object already exists in the target. */
public enum ConflictPolicy {
  /** Leave the existing object alone and report it. */
  SKIP,
  /** Replace the existing object with the migrated one. */
  UPDATE,
  /** Stop before changing anything (the default). */
  FAIL;

  /** The name as written in a plan, e.g. {@code fail}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ConflictPolicy of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
