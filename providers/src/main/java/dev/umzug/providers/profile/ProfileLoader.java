package dev.umzug.providers.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads profile data files. Strict: an unknown field, a missing required field or a bad value is an
 * {@link IllegalStateException} naming the file, so a broken data file fails at startup, not in the
 * middle of a migration.
 */
public final class ProfileLoader {

  /** Where the data files live on the class path. */
  public static final String ROOT = "/dev/umzug/providers/profiles/";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(new YAMLFactory())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private static final Map<String, ProfileData> CACHE = new ConcurrentHashMap<>();

  private ProfileLoader() {}

  /** The data for {@code id}, read from its file once per class loader and then kept. */
  public static ProfileData cached(String id) {
    return CACHE.computeIfAbsent(id, ProfileLoader::load);
  }

  /** Loads {@code profiles/<id>.yaml} and checks that the file declares that id. */
  public static ProfileData load(String id) {
    String resource = ROOT + id + ".yaml";
    try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("provider profile data " + resource + " is missing");
      }
      return check(resource, id, MAPPER.readValue(in, ProfileData.class));
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException ise && ise.getMessage().contains(resource)) {
        throw ise;
      }
      throw new IllegalStateException(
          "provider profile data " + resource + " is malformed: " + e.getMessage(), e);
    }
  }

  /** Parses profile data from text, for tests of the loader itself. */
  public static ProfileData parse(String name, String yaml) {
    try {
      return MAPPER.readValue(yaml, ProfileData.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "provider profile data " + name + " is malformed: " + e.getMessage(), e);
    }
  }

  private static ProfileData check(String resource, String id, ProfileData data) {
    if (!data.id().equals(id)) {
      throw new IllegalStateException(
          "provider profile data " + resource + " declares id '" + data.id() + "'");
    }
    Set<String> names = new HashSet<>();
    data.capabilities()
        .forEach(
            c -> {
              if (!names.add(c.name())) {
                throw new IllegalStateException(
                    "provider profile data " + resource + " lists capability " + c.name() + " twice");
              }
            });
    return data;
  }
}
