package dev.umzug.engine.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Written YAML")
class YamlTest {

  @ParameterizedTest(name = "the string \"{0}\" stays a string")
  @ValueSource(strings = {"true", "False", "yes", "NO", "on", "off", "y", "n", "null", "~", "12:30",
      "1:02:03", "2026-01-01", "2026-01-01T10:00:00Z", "0755", "0x1F", "0b101", "1_000", "1e3", "-1.5",
      ".inf", "-.inf", ".nan", "3", "", " lead", "a: b", "- x", "#x", "@x", "`x", "%x", "*x", "&x",
      "!x", "|x", ">x", "{x}", "[x]", "x #y", "Grüße 日本", "line1\nline2"})
  @DisplayName("quotes what a YAML 1.1 or 1.2 reader would read as another type")
  void stringsStayStrings(String value) throws Exception {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("v", value);
    String yaml = Yaml.toString(node);
    var back = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
    assertThat(back.path("v").isTextual()).as(yaml).isTrue();
    assertThat(back.path("v").asText()).as(yaml).isEqualTo(value);
    if (value.matches("12:30|2026-01-01|1_000|\\.inf|yes|on")) {
      assertThat(yaml).as("a YAML 1.1 reader such as kubectl's must see quotes").contains("\"" + value + "\"");
    }
  }
}
