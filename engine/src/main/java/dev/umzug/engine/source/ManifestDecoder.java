package dev.umzug.engine.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the bytes of one file into text the way editors and kubectl see it: a byte-order mark
 * picks UTF-8, UTF-16 or UTF-32; without one, the NUL-byte pattern of the first characters reveals
 * UTF-16 or UTF-32 (as RFC 4627 did for JSON); otherwise the text must be valid UTF-8. Line ends are
 * normalised to {@code \n}, which keeps line numbers unchanged.
 */
final class ManifestDecoder {

  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

  private ManifestDecoder() {}

  /** The text of a file, or empty when the bytes are not text (invalid encoding or NUL bytes). */
  static Optional<String> decode(byte[] bytes) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      charset = UTF_32LE;
      skip = 4;
    } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      charset = UTF_32BE;
      skip = 4;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else {
      charset = sniff(bytes);
    }
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    if (text.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return Optional.of(text.replace("\r\n", "\n").replace('\r', '\n'));
  }

  /** UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes of ASCII text are. */
  private static Charset sniff(byte[] b) {
    if (b.length >= 4 && b.length % 4 == 0) {
      if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
        return UTF_32BE;
      }
      if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
        return UTF_32LE;
      }
    }
    if (b.length >= 2 && b.length % 2 == 0) {
      if (b[0] == 0 && b[1] != 0) {
        return StandardCharsets.UTF_16BE;
      }
      if (b[0] != 0 && b[1] == 0) {
        return StandardCharsets.UTF_16LE;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
