package dev.umzug.engine.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;

/** The one YAML style umzug writes: no document marker, minimal quotes, strings stay strings. */
public final class Yaml {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .stringQuotingChecker(new SafeQuoting())
              .build());

  /**
   * Quotes every string that a YAML 1.1 or 1.2 reader (kubectl's among them) would otherwise read
   * as another type: booleans in any spelling, null, numbers in any base, sexagesimal numbers
   * such as {@code 12:30}, and dates and timestamps such as {@code 2026-01-01}.
   */
  static final class SafeQuoting extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
    private static final java.util.regex.Pattern IMPLICIT =
        java.util.regex.Pattern.compile(
            "(?i)y|n|yes|no|on|off|true|false|null|~"
                + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                + "|[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-f_]+|[0-9][0-9_]*)"
                + "|[-+]?([0-9][0-9_]*)?\\.?[0-9_]*([e][-+]?[0-9]+)?|[-+]?\\.(inf)|\\.nan"
                + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || IMPLICIT.matcher(value).matches();
    }
  }

  private static final ObjectWriter WRITER = MAPPER.writer();

  private Yaml() {}

  public static void write(JsonNode node, OutputStream out) throws IOException {
    WRITER.writeValue(out, node);
  }

  public static String toString(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
