package dev.umzug.engine.restore.apply;

import java.util.regex.Pattern;

/**
 * Cleans messages that come from the API server before they reach a report or a log. Validation
 * messages quote the offending value ({@code Invalid value: "..."}), and for a Secret that value is
 * the secret: every quoted value is replaced; names in {@code kind "name"} form are kept because
 * they say which object is meant.
 */
public final class ServerMessages {

  private static final Pattern INVALID_VALUE =
      Pattern.compile("(Invalid value|Unsupported value|Duplicate value|value):\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^:,;\\]]+)");
  private static final int MAX = 300;

  private ServerMessages() {}

  /** The message on one line, quoted values removed, at most {@value #MAX} characters. */
  public static String redact(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    String line = message.replaceAll("\\s+", " ").trim();
    line = INVALID_VALUE.matcher(line).replaceAll("$1: (value not shown)");
    return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
  }
}
