package dev.umzug.providers.rules.support;

import dev.umzug.engine.spi.JsonPointer;

/** Pointers into object metadata. */
public final class Meta {

  private Meta() {}

  public static JsonPointer annotation(String key) {
    return JsonPointer.of("metadata", "annotations", key);
  }

  public static JsonPointer label(String key) {
    return JsonPointer.of("metadata", "labels", key);
  }
}
