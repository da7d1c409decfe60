package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.snapshot.CanonicalJson;
import dev.umzug.engine.spi.ResourceRef;

/**
 * One object to apply: its rewritten content, the step it belongs to and the digest the journal
 * records.
 */
record RestoreTask(ResourceRef ref, ObjectNode content, String step, String digest) {

  static RestoreTask of(ResourceRef ref, ObjectNode content, String step) {
    return new RestoreTask(ref, content, step, CanonicalJson.sha256(content));
  }

  String apiVersion() {
    return content.path("apiVersion").asText("");
  }
}
