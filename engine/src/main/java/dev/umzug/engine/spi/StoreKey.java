package dev.umzug.engine.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The name of one object in a {@link SnapshotStore}: '/'-separated segments, each drawn from a
 * small alphabet that is safe as a file name on every platform we run on and as an S3 key. A key
 * can therefore never climb out of a store ({@code ..}), name a hidden or temporary file (a leading
 * {@code .}), or mean different things to different stores.
 *
 * <p>Segment alphabet: {@code A-Z a-z 0-9 . _ - ~ : @ + = , %}, not starting with {@code .}, at
 * most 200 characters. Callers percent-encode anything else (see {@link #escapeSegment}).
 *
 * @param value the key, e.g. {@code snapshots/s1/items/shop/Deployment.apps/web.json}
 */
public record StoreKey(String value) implements Comparable<StoreKey> {

  /** Longest segment. */
  private static final int MAX_SEGMENT = 200;

  public StoreKey {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty store key");
    }
    int start = 0;
    while (true) {
      int end = value.indexOf('/', start);
      if (end < 0) {
        end = value.length();
      }
      if (!isValidSegment(value, start, end)) {
        throw new IllegalArgumentException(
            "store key " + printable(value) + ": segment " + printable(value.substring(start, end))
                + " is not allowed"
                + " (letters, digits and . _ - ~ : @ + = , % only, not starting with '.')");
      }
      if (end == value.length()) {
        break;
      }
      start = end + 1;
    }
  }

  /**
   * {@code [A-Za-z0-9_~:@+=,%-][A-Za-z0-9._~:@+=,%-]{0,199}}, checked by hand: every object put
   * checks its key, and a regular expression per segment costs more than writing a small object.
   */
  private static boolean isValidSegment(String s, int start, int end) {
    if (end - start < 1 || end - start > MAX_SEGMENT || s.charAt(start) == '.') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '~' || c == ':' || c == '@' || c == '+' || c == '='
          || c == ',' || c == '%' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** Joins already valid segments. */
  public static StoreKey of(String first, String... more) {
    StringBuilder b = new StringBuilder(first);
    for (String m : more) {
      b.append('/').append(m);
    }
    return new StoreKey(b.toString());
  }

  /** Whether {@code segment} may stand as one segment of a key. */
  public static boolean isValidSegment(String segment) {
    return segment != null && isValidSegment(segment, 0, segment.length());
  }

  /**
   * Percent-encodes (UTF-8, upper-case hex) every character outside the segment alphabet, and a
   * leading '.', so that any Kubernetes name becomes a valid, reversible segment.
   */
  public static String escapeSegment(String raw) {
    StringBuilder b = new StringBuilder();
    byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      boolean plain =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
              || "_~:@+=,-".indexOf(c) >= 0 || (c == '.' && i > 0);
      if (plain) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }

  /** A key below this one. */
  public StoreKey resolve(String relative) {
    return new StoreKey(value + "/" + relative);
  }

  /** Whether this key lies strictly below {@code prefix} (segment-wise, not string-wise). */
  public boolean isBelow(StoreKey prefix) {
    return value.startsWith(prefix.value + "/");
  }

  /** The part after {@code prefix/}; this key must lie below it. */
  public String relativeTo(StoreKey prefix) {
    if (!isBelow(prefix)) {
      throw new IllegalArgumentException(value + " is not below " + prefix.value);
    }
    return value.substring(prefix.value.length() + 1);
  }

  public List<String> segments() {
    return new ArrayList<>(Arrays.asList(value.split("/")));
  }

  /** The last segment. */
  public String name() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  @Override
  public int compareTo(StoreKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
