package dev.umzug.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form of RFC 8785 (JSON Canonicalization Scheme), used for every digest and for
 * the signed manifest:
 *
 * <ul>
 *   <li>no whitespace between tokens;
 *   <li>object members sorted by name, comparing the names as UTF-16 code unit sequences;
 *   <li>strings as UTF-8, escaping only {@code "}, {@code \}, and U+0000..U+001F ({@code \b \t \n \f
 *       \r} in short form, the rest as {@code \}{@code u00xx} in lower-case hex); everything else,
 *       including non-ASCII and U+007F, literally;
 *   <li>numbers as IEEE 754 doubles printed the way ECMAScript's {@code Number.prototype.toString}
 *       prints them: the shortest digits that read back as the same double, plain notation for
 *       exponents from -7 to 20, {@code e+N}/{@code e-N} otherwise, {@code -0} as {@code 0}. NaN and
 *       infinities are not JSON and are refused.
 * </ul>
 *
 * <p>The subset of RFC 8785 we rely on: inputs are Jackson trees, so duplicate member names cannot
 * occur, and lone surrogates in strings are refused rather than passed through.
 */
public final class CanonicalJson {

  private static final BigDecimal TWO_POW_53 = BigDecimal.valueOf(1L << 53);

  /**
   * Text already in canonical form, written as it is when a tree holds it as a POJO node: a large
   * tree whose parts were canonicalized one by one (the manifest's entries) is not done twice.
   */
  record Verbatim(String canonical) {}

  private CanonicalJson() {}

  /** The canonical UTF-8 bytes of a tree. Use {@link #write} for large trees. */
  public static byte[] toBytes(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(node, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The canonical form as a string (for tests and messages about structure, never secret content). */
  public static String toText(JsonNode node) {
    return new String(toBytes(node), StandardCharsets.UTF_8);
  }

  /** The canonical JSON string literal of {@code s}, quotes included. */
  static String quote(String s) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }
    if (plain) {
      return '"' + s + '"';
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
    try {
      Utf8Sink sink = new Utf8Sink(out);
      string(s, sink);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Lower-case hex SHA-256 of the canonical form, streamed without holding it in memory. */
  public static String sha256(JsonNode node) {
    MessageDigest digest = Digests.sha256();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      write(node, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Digests.hex(digest.digest());
  }

  /** Streams the canonical UTF-8 form to {@code out}; does not close it. */
  public static void write(JsonNode node, OutputStream out) throws IOException {
    Utf8Sink sink = new Utf8Sink(out);
    append(node, sink);
    sink.flush();
  }

  private static void append(JsonNode node, Utf8Sink b) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        it.forEachRemaining(members::add);
        // String.compareTo compares UTF-16 code units, exactly as RFC 8785 section 3.2.3 asks
        members.sort(Map.Entry.comparingByKey());
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> m : members) {
          if (!first) {
            b.append(',');
          }
          first = false;
          string(m.getKey(), b);
          b.append(':');
          append(m.getValue(), b);
        }
        b.append('}');
      }
      case ARRAY -> {
        b.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          append(node.get(i), b);
        }
        b.append(']');
      }
      case STRING -> string(node.textValue(), b);
      case NUMBER -> b.append(number(node));
      case BOOLEAN -> b.append(node.booleanValue() ? "true" : "false");
      case NULL -> b.append("null");
      case POJO -> {
        if (!(node instanceof POJONode pojo) || !(pojo.getPojo() instanceof Verbatim verbatim)) {
          throw new IllegalArgumentException("canonical JSON: a POJO node is not JSON");
        }
        b.appendEncoded(verbatim.canonical().getBytes(StandardCharsets.UTF_8));
      }
      default -> throw new IllegalArgumentException(
          "canonical JSON: a " + node.getNodeType() + " node is not JSON");
    }
  }

  private static void string(String s, Utf8Sink b) throws IOException {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.appendCodePoint(Character.toCodePoint(c, s.charAt(++i)));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("canonical JSON: a string holds a lone surrogate at index " + i);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** A number in RFC 8785 form (ECMAScript Number.prototype.toString of the double value). */
  static String number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long v = node.longValue();
      if (Math.abs(v) <= (1L << 53)) {
        return Long.toString(v);
      }
    }
    if (node.isBigDecimal() && node.decimalValue().abs().compareTo(TWO_POW_53) <= 0
        && node.decimalValue().stripTrailingZeros().scale() <= 0) {
      return node.decimalValue().toBigIntegerExact().toString();
    }
    return number(node.doubleValue());
  }

  /** ECMAScript Number.prototype.toString for a finite double (ECMA-262, Number::toString). */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("canonical JSON: NaN and infinity are not JSON numbers");
    }
    if (d == 0) {
      return "0";
    }
    if (d < 0) {
      return "-" + number(-d);
    }
    // shortest digits that read back as d; rounding the exact value gives the closest candidate
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = null;
    for (int p = 1; p <= 17 && shortest == null; p++) {
      BigDecimal rounded = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      // near a power of two the interval that reads back as d is lopsided, so the neighbours of the
      // closest p-digit number may read back when it does not; among those, take the closest
      BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-rounded.scale());
      for (BigDecimal candidate : List.of(rounded, rounded.subtract(unit), rounded.add(unit))) {
        if (candidate.signum() > 0 && candidate.doubleValue() == d
            && (shortest == null
                || candidate.subtract(exact).abs().compareTo(shortest.subtract(exact).abs()) < 0)) {
          shortest = candidate;
        }
      }
    }
    if (shortest == null) {
      shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // d = 0.digits x 10^n
    StringBuilder b = new StringBuilder();
    if (k <= n && n <= 21) {
      b.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      b.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      b.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      b.append(digits.charAt(0));
      if (k > 1) {
        b.append('.').append(digits, 1, k);
      }
      b.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return b.toString();
  }

  /**
   * Encodes to UTF-8 as it goes and passes the bytes on in chunks of {@value #CHUNK}: no string of
   * the whole form, no copy of it. Takes no surrogates through {@link #append(char)}; pairs come
   * through {@link #appendCodePoint}, and {@link #append(String)} finds them itself.
   */
  private static final class Utf8Sink {
    private static final int CHUNK = 2048;
    private final OutputStream out;
    private final byte[] buf = new byte[CHUNK];
    private int n;

    Utf8Sink(OutputStream out) {
      this.out = out;
    }

    Utf8Sink append(char c) throws IOException {
      if (n + 3 > CHUNK) {
        flush();
      }
      if (c < 0x80) {
        buf[n++] = (byte) c;
      } else if (c < 0x800) {
        buf[n++] = (byte) (0xc0 | (c >> 6));
        buf[n++] = (byte) (0x80 | (c & 0x3f));
      } else {
        buf[n++] = (byte) (0xe0 | (c >> 12));
        buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[n++] = (byte) (0x80 | (c & 0x3f));
      }
      return this;
    }

    Utf8Sink appendCodePoint(int cp) throws IOException {
      if (cp < 0x10000) {
        return append((char) cp);
      }
      if (n + 4 > CHUNK) {
        flush();
      }
      buf[n++] = (byte) (0xf0 | (cp >> 18));
      buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      buf[n++] = (byte) (0x80 | (cp & 0x3f));
      return this;
    }

    Utf8Sink append(String s) throws IOException {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          appendCodePoint(Character.toCodePoint(c, s.charAt(++i)));
        } else if (Character.isSurrogate(c)) {
          throw new IllegalArgumentException("canonical JSON: a string holds a lone surrogate at index " + i);
        } else {
          append(c);
        }
      }
      return this;
    }

    /** Bytes already in UTF-8. */
    void appendEncoded(byte[] bytes) throws IOException {
      if (bytes.length > CHUNK - n) {
        flush();
      }
      if (bytes.length >= CHUNK) {
        out.write(bytes);
      } else {
        System.arraycopy(bytes, 0, buf, n, bytes.length);
        n += bytes.length;
      }
    }

    void flush() throws IOException {
      if (n > 0) {
        out.write(buf, 0, n);
        n = 0;
      }
    }
  }
}
