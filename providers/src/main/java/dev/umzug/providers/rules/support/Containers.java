package dev.umzug.providers.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceView;
import java.util.ArrayList;
import java.util.List;

/** The containers of a pod spec, wherever they are listed. */
public final class Containers {

  /** One container: where it is and what it says. */
  public record Entry(JsonPointer pointer, JsonNode container) {
    public String name() {
      return container.path("name").asText("");
    }

    public String image() {
      return container.path("image").asText("");
    }
  }

  private static final List<String> LISTS = List.of("initContainers", "containers", "ephemeralContainers");

  private Containers() {}

  public static List<Entry> of(ResourceView view, JsonPointer podSpec) {
    List<Entry> entries = new ArrayList<>();
    for (String list : LISTS) {
      JsonNode array = view.at(podSpec.append(list));
      for (int i = 0; i < array.size(); i++) {
        entries.add(new Entry(podSpec.append(list, i), array.get(i)));
      }
    }
    return entries;
  }
}
