package dev.umzug.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One object to restore: its reference and the content a restore would apply (already rewritten).
 */
public record RestoreItem(dev.umzug.engine.spi.ResourceRef ref, JsonNode content) {

  public RestoreItem {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(content, "content");
  }
}
