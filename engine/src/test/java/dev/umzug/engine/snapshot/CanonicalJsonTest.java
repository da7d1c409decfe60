package dev.umzug.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Canonical JSON (RFC 8785)")
class CanonicalJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String canonical(String json) throws Exception {
    return CanonicalJson.toText(JSON.readTree(json));
  }

  @Test
  @DisplayName("encodes long strings of one-, two-, three- and four-byte characters whole, wherever the output is cut into chunks")
  void longMixedStrings() throws Exception {
    StringBuilder value = new StringBuilder();
    for (int i = 0; value.length() < 20_000; i++) {
      value.append("ab\u00fc\u20ac\ud83d\ude00".repeat(1 + i % 3)).append("x".repeat(i % 7));
    }
    com.fasterxml.jackson.databind.node.ObjectNode node = JSON.createObjectNode();
    node.put("k", value.toString());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    CanonicalJson.write(node, out);
    // nothing in the value needs escaping: the canonical form is the text itself, in UTF-8
    assertThat(out.toByteArray())
        .isEqualTo(("{\"k\":\"" + value + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("sorts members by UTF-16 code units at every depth and drops all whitespace")
  void sortsKeys() throws Exception {
    assertThat(canonical("{ \"b\" : [ 1 , { \"z\":1, \"a\":2 } ], \"a\" : true, \"A\": null }"))
        .isEqualTo("{\"A\":null,\"a\":true,\"b\":[1,{\"a\":2,\"z\":1}]}");
    // RFC 8785 section 3.2.3: U+000D < "1" < U+0080 < U+00F6 < U+20AC < U+1F600 (a surrogate pair) < U+FB33
    assertThat(canonical("{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4,\"\\ud83d\\ude00\":5,\"\\u0080\":6,\"\\u00f6\":7}"))
        .isEqualTo("{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}");
  }

  @Test
  @DisplayName("writes non-ASCII literally and escapes only quote, backslash and control characters")
  void strings() throws Exception {
    assertThat(canonical("\"Gr\\u00fc\\u00dfe \\u20ac \\/ \\\" \\\\ \\b\\f\\n\\r\\t \\u0001 \\u007f \\u2028\""))
        .isEqualTo("\"Grüße € / \\\" \\\\ \\b\\f\\n\\r\\t \\u0001 \u007f \u2028\"");
    assertThat(CanonicalJson.toBytes(JsonNodeFactory.instance.textNode("ü"))).containsExactly('"', 0xc3, 0xbc, '"');
  }

  @ParameterizedTest(name = "{0} is written as {1}")
  @CsvSource(delimiter = '|', value = {
    "0|0", "-0|0", "-0.0|0", "1|1", "-1|-1", "4.50|4.5", "2e-3|0.002", "1E30|1e+30", "1e21|1e+21",
    "1e20|100000000000000000000", "0.000001|0.000001", "0.0000001|1e-7",
    "333333333.33333329|333333333.3333333", "9007199254740992|9007199254740992",
    "9007199254740993|9007199254740992", "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308",
    "0.1|0.1", "100|100", "123456789012|123456789012", "-1.5e-9|-1.5e-9", "2.5e+25|2.5e+25"})
  @DisplayName("writes numbers as ECMAScript does, from their double value")
  void numbers(String in, String out) throws Exception {
    assertThat(canonical(in)).isEqualTo(out);
  }

  @Test
  @DisplayName("matches the RFC 8785 appendix example byte for byte")
  void rfcExample() throws Exception {
    String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
        + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
        + " \"literals\": [null, true, false]}";
    assertThat(canonical(input)).isEqualTo(
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  @DisplayName("gives the same bytes and digest for the same content however it was formatted")
  void sameContentSameDigest() throws Exception {
    var a = JSON.readTree("{\"kind\":\"ConfigMap\",\"data\":{\"b\":\"2\",\"a\":\"1\"}}");
    var b = JSON.readTree("{\n  \"data\": {\"a\": \"1\", \"b\": \"2\"},\n  \"kind\": \"ConfigMap\"\n}");
    assertThat(CanonicalJson.sha256(a)).isEqualTo(CanonicalJson.sha256(b))
        .isEqualTo(Digests.sha256Hex(CanonicalJson.toBytes(a)));
  }

  @Test
  @DisplayName("refuses NaN, which is not JSON")
  void refusesNaN() {
    assertThatThrownBy(() -> CanonicalJson.toBytes(JsonNodeFactory.instance.numberNode(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
