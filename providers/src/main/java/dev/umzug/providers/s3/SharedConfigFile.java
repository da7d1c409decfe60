package dev.umzug.providers.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one section of an AWS shared config file ({@code ~/.aws/config}): {@code [section]} headers
 * and {@code key = value} lines, {@code #} and {@code ;} comments. Only used for settings minio's own
 * {@code AwsConfigProvider} does not read, such as {@code region}.
 */
final class SharedConfigFile {

  private SharedConfigFile() {}

  /** The keys of {@code section}, or empty when the file cannot be read or lacks the section. */
  static Optional<Map<String, String>> read(Path file, String section) {
    try {
      Map<String, String> values = null;
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          if (values != null) {
            break;
          }
          String name = line.substring(1, line.length() - 1).strip().replaceAll("\\s+", " ");
          if (name.equals(section)) {
            values = new HashMap<>();
          }
          continue;
        }
        int eq = line.indexOf('=');
        if (values != null && eq > 0) {
          values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
      return Optional.ofNullable(values);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
