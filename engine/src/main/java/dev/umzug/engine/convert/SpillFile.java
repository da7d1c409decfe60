package dev.umzug.engine.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.spi.SourceItem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The objects of the first pass, kept on disk in Jackson's binary Smile format, so that the second
 * pass neither parses the source again (YAML is slow; a live cluster may have changed) nor holds the
 * objects in memory. Deleted on close.
 */
final class SpillFile implements AutoCloseable {

  private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory());

  private final Path file;
  private final JsonGenerator out;
  private long count;

  SpillFile() {
    try {
      file = Files.createTempFile("umzug-spill-", ".smile");
      out = SMILE.getFactory().createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    } catch (IOException e) {
      throw new OutputException("cannot create a temporary file: " + StagedOutput.reason(e), e);
    }
  }

  void write(SourceItem item) {
    try {
      out.writeStartArray();
      out.writeString(item.location());
      SMILE.writeTree(out, item.object());
      out.writeEndArray();
      count++;
    } catch (IOException e) {
      throw new OutputException(file + ": cannot write temporary data: " + StagedOutput.reason(e), e);
    }
  }

  long count() {
    return count;
  }

  /** Streams every written item back, in order. */
  void read(Consumer<SourceItem> items) {
    try {
      out.flush();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
          JsonParser p = SMILE.getFactory().createParser(in)) {
        while (p.nextToken() == JsonToken.START_ARRAY) {
          p.nextToken();
          String location = p.getText();
          p.nextToken();
          JsonNode object = SMILE.readTree(p);
          p.nextToken();
          items.accept(new SourceItem((ObjectNode) object, location));
        }
      }
    } catch (IOException e) {
      throw new OutputException(file + ": cannot read temporary data: " + StagedOutput.reason(e), e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      // deleting below is what matters
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
