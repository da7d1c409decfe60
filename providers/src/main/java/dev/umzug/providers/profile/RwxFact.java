package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;

/**
 * Shared (ReadWriteMany) file storage.
 *
 * @param supported whether a CSI driver for RWX volumes is confirmed
 * @param driver its provisioner, or {@code null}
 * @param storageClass the preinstalled class to use as a target, or {@code null} when classes are
 *     created per file system
 * @param detail what exists instead or besides, for findings
 * @param confidence how sure the fact is
 */
public record RwxFact(
    boolean supported, String driver, String storageClass, String detail, Confidence confidence) {

  public RwxFact {
    Facts.required(confidence, "rwx.confidence");
    detail = detail == null ? "" : detail;
    if (supported) {
      Facts.required(driver, "rwx.driver");
    }
  }

  /** Whether a target class exists to map shared claims to. */
  public boolean offersClass() {
    return supported && storageClass != null;
  }
}
