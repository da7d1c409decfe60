package dev.umzug.providers.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises a meaning from one annotation: present with one of {@code anyOf} (any value when
 * empty) and none of {@code noneOf}. Values compare case-insensitively.
 *
 * @param key the annotation key
 * @param anyOf accepted values, or empty for any
 * @param noneOf rejected values, e.g. {@code "false"}
 */
public record AnnotationMatch(String key, List<String> anyOf, List<String> noneOf) {

  public AnnotationMatch {
    Facts.required(key, "recognise[].key");
    anyOf = Facts.list(anyOf).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    noneOf = Facts.list(noneOf).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  public boolean matches(Map<String, String> annotations) {
    String value = annotations.get(key);
    if (value == null) {
      return false;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    return (anyOf.isEmpty() || anyOf.contains(v)) && !noneOf.contains(v);
  }
}
