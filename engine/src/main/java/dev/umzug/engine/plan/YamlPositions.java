package dev.umzug.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a YAML document was written, keyed by JSON pointer ({@code /spec/target}).
 *
 * <p>Built by walking the parser's tokens while tracking the path, so every object member has the
 * position of its key and every node the position of its value. Lines and columns count from 1.
 * Only built when there is a problem to report.
 */
final class YamlPositions {

  /** A line and column in the plan file, both counting from 1. */
  record Position(int line, int column) implements Comparable<Position> {

    static final Position START = new Position(1, 1);

    @Override
    public int compareTo(Position other) {
      return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
      return line + ":" + column;
    }
  }

  private final Map<String, Position> keys = new HashMap<>();
  private final Map<String, Position> values = new HashMap<>();

  private YamlPositions() {}

  /** Walks the first document of {@code yaml}, which must already be known to parse. */
  static YamlPositions of(YAMLFactory factory, String yaml) {
    YamlPositions positions = new YamlPositions();
    try (JsonParser parser = factory.createParser(yaml)) {
      if (parser.nextToken() != null) {
        positions.walk(parser, "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("plan was parsed once already, a second parse cannot fail", e);
    }
    return positions;
  }

  private void walk(JsonParser parser, String pointer) throws IOException {
    values.putIfAbsent(pointer, position(parser.currentTokenLocation()));
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String child = pointer + "/" + escape(parser.currentName());
        keys.putIfAbsent(child, position(parser.currentTokenLocation()));
        parser.nextToken();
        walk(parser, child);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        walk(parser, pointer + "/" + index++);
      }
    }
  }

  /**
   * Where the member at {@code pointer} was named: its key, or for an array element or the root,
   * where its value starts. Falls back to the nearest ancestor that was written.
   */
  Position key(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Position found = keys.getOrDefault(p, values.get(p));
      if (found != null || p.isEmpty()) {
        return found == null ? Position.START : found;
      }
    }
  }

  /** Where the value at {@code pointer} starts; falls back like {@link #key(String)}. */
  Position value(String pointer) {
    Position found = values.get(pointer);
    return found != null ? found : key(pointer);
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String parent(String pointer) {
    return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
  }

  private static Position position(JsonLocation location) {
    return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}
