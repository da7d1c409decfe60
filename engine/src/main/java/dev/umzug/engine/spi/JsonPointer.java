package dev.umzug.engine.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An RFC 6901 JSON pointer built from unescaped segments. Escaping ({@code ~0}, {@code ~1}) is done
 * here and nowhere else, so an annotation key such as {@code example.com/x} can never produce a wrong
 * path.
 */
public final class JsonPointer implements Comparable<JsonPointer> {

  private static final JsonPointer ROOT = new JsonPointer(List.of());

  private final List<String> segments;

  private JsonPointer(List<String> segments) {
    this.segments = segments;
  }

  public static JsonPointer root() {
    return ROOT;
  }

  /** A pointer from raw segments; numbers are given as strings or ints. */
  public static JsonPointer of(Object... segments) {
    List<String> list = new ArrayList<>(segments.length);
    for (Object s : segments) {
      list.add(String.valueOf(s));
    }
    return new JsonPointer(Collections.unmodifiableList(list));
  }

  /** Parses an escaped pointer such as {@code /metadata/annotations/a~1b}. */
  public static JsonPointer parse(String pointer) {
    if (pointer.isEmpty()) {
      return ROOT;
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("JSON pointer must start with '/': " + pointer);
    }
    String[] raw = pointer.substring(1).split("/", -1);
    List<String> list = new ArrayList<>(raw.length);
    for (String s : raw) {
      list.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return new JsonPointer(Collections.unmodifiableList(list));
  }

  public JsonPointer append(Object... more) {
    List<String> list = new ArrayList<>(segments.size() + more.length);
    list.addAll(segments);
    for (Object s : more) {
      list.add(String.valueOf(s));
    }
    return new JsonPointer(Collections.unmodifiableList(list));
  }

  public List<String> segments() {
    return segments;
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  public String last() {
    return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
  }

  public JsonPointer parent() {
    if (segments.isEmpty()) {
      return this;
    }
    return new JsonPointer(segments.subList(0, segments.size() - 1));
  }

  /** True if this pointer equals {@code other} or lies inside it. */
  public boolean startsWith(JsonPointer other) {
    return other.segments.size() <= segments.size()
        && segments.subList(0, other.segments.size()).equals(other.segments);
  }

  /** True when one of the two pointers contains the other: edits to both would interfere. */
  public boolean overlaps(JsonPointer other) {
    return startsWith(other) || other.startsWith(this);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (String s : segments) {
      sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonPointer p && p.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public int compareTo(JsonPointer o) {
    return toString().compareTo(o.toString());
  }

}
