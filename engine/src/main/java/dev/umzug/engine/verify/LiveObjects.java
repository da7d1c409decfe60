package dev.umzug.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.ResourceRef;
import java.util.Optional;

/** Reads objects back from the target; the cluster client implements it, tests use a map. */
@FunctionalInterface
public interface LiveObjects {

  /** The live object, or empty when the target has none under this reference. */
  Optional<JsonNode> get(ResourceRef ref);
}
