package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;

/**
 * Volume snapshot support.
 *
 * @param supported whether CSI snapshots work
 * @param driver the VolumeSnapshotClass driver, or {@code null}
 * @param className the preinstalled VolumeSnapshotClass, or {@code null}
 * @param confidence how sure the fact is
 */
public record SnapshotFact(boolean supported, String driver, String className, Confidence confidence) {

  public SnapshotFact {
    Facts.required(confidence, "snapshots.confidence");
    if (supported) {
      Facts.required(driver, "snapshots.driver");
    }
  }
}
