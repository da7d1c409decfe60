package dev.umzug.engine.report;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;

/** Decides which values a report must never show: the content of Secrets. */
public final class Redaction {

  public static final String REDACTED = "<redacted>";

  private Redaction() {}

  /** True for the data of a core Secret: {@code /data/...}, {@code /stringData/...} or the maps whole. */
  public static boolean isSecretValue(ResourceRef ref, JsonPointer path) {
    if (!ref.group().isEmpty() || !ref.kind().equals("Secret") || path.segments().isEmpty()) {
      return false;
    }
    String first = path.segments().get(0);
    return first.equals("data") || first.equals("stringData");
  }
}
