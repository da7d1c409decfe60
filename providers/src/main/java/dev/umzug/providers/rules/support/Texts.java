package dev.umzug.providers.rules.support;

import java.util.Collection;

/** Small text helpers for finding messages. */
public final class Texts {

  private Texts() {}

  /** {@code a, b, c}. */
  public static String list(Collection<String> items) {
    return String.join(", ", items);
  }
}
