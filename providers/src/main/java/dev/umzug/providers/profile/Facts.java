package dev.umzug.providers.profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Small helpers for the facet records: null-safe copies and required fields. */
final class Facts {

  private Facts() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <V> Map<String, V> map(Map<String, V> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }

  static <T> T required(T value, String field) {
    return Objects.requireNonNull(value, () -> "missing field '" + field + "'");
  }

  /** True when {@code key} starts with one of the prefixes. */
  static boolean startsWithAny(String key, List<String> prefixes) {
    for (String p : prefixes) {
      if (key.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Matches a name against patterns that are exact or end in {@code *} (prefix). */
  static boolean matchesPattern(String pattern, String name) {
    return pattern.endsWith("*")
        ? name.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(name);
  }
}
