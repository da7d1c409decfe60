package dev.umzug.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestDecoderTest {

  private static final String TEXT = "kind: ConfigMap\nname: Grüße\n";

  static byte[] bytes(byte[] prefix, String text, Charset charset) {
    byte[] body = text.getBytes(charset);
    byte[] all = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return all;
  }

  static byte[] b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("UTF-8 without BOM", bytes(b(), TEXT, StandardCharsets.UTF_8)),
        Arguments.of("UTF-8 with BOM", bytes(b(0xEF, 0xBB, 0xBF), TEXT, StandardCharsets.UTF_8)),
        Arguments.of("UTF-16 LE with BOM", bytes(b(0xFF, 0xFE), TEXT, StandardCharsets.UTF_16LE)),
        Arguments.of("UTF-16 BE with BOM", bytes(b(0xFE, 0xFF), TEXT, StandardCharsets.UTF_16BE)),
        Arguments.of("UTF-16 LE without BOM", bytes(b(), TEXT, StandardCharsets.UTF_16LE)),
        Arguments.of("UTF-16 BE without BOM", bytes(b(), TEXT, StandardCharsets.UTF_16BE)),
        Arguments.of("UTF-32 LE with BOM",
            bytes(b(0xFF, 0xFE, 0, 0), TEXT, Charset.forName("UTF-32LE"))),
        Arguments.of("UTF-32 BE with BOM",
            bytes(b(0, 0, 0xFE, 0xFF), TEXT, Charset.forName("UTF-32BE"))),
        Arguments.of("UTF-32 LE without BOM", bytes(b(), TEXT, Charset.forName("UTF-32LE"))),
        Arguments.of("CRLF line ends",
            bytes(b(), TEXT.replace("\n", "\r\n"), StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0} decodes to the same text")
  @MethodSource("texts")
  @DisplayName("every supported encoding decodes to the same text")
  void decodes(String name, byte[] input) {
    assertThat(ManifestDecoder.decode(input)).contains(TEXT);
  }

  static Stream<Arguments> binaries() {
    return Stream.of(
        Arguments.of("invalid UTF-8", b('a', ':', ' ', 0xC3, 0x28, '\n')),
        Arguments.of("a PNG header", b(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
        Arguments.of("NUL bytes in UTF-8 text", b('a', ':', 0, 0, 0, 'b')),
        Arguments.of("an unpaired surrogate in UTF-16", b(0xFF, 0xFE, 0x00, 0xD8, 'a', 0)));
  }

  @ParameterizedTest(name = "{0} is binary")
  @MethodSource("binaries")
  @DisplayName("bytes that are not text are binary")
  void binary(String name, byte[] input) {
    assertThat(ManifestDecoder.decode(input)).isEqualTo(Optional.empty());
  }
}
