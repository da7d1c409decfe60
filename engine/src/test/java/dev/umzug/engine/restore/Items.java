package dev.umzug.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.umzug.engine.spi.ResourceRef;
import java.io.UncheckedIOException;

/** Test objects from YAML text; the reference is read from apiVersion, kind and metadata. */
public final class Items {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Items() {}

  public static RestoreItem item(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      JsonNode meta = node.path("metadata");
      ResourceRef ref = ResourceRef.of(node.path("apiVersion").asText(), node.path("kind").asText(),
          meta.path("namespace").asText(null), meta.path("name").asText());
      return new RestoreItem(ref, node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal object without content beyond its identity. */
  public static RestoreItem bare(String apiVersion, String kind, String namespace, String name) {
    return item("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name
        + (namespace == null ? "" : "\n  namespace: " + namespace) + "\n");
  }
}
