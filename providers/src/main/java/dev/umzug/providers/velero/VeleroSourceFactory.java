package dev.umzug.providers.velero;

import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.SourceFactory;
import java.util.Map;

/** Opens Velero backups for the engine, read-only, from any bucket store. */
public final class VeleroSourceFactory implements SourceFactory {

  @Override
  public String kind() {
    return "velero-backup";
  }

  @Override
  public ObjectSource open(SnapshotStore bucket, Map<String, String> settings) {
    String backup = settings.get("backup");
    if (backup == null || backup.isBlank()) {
      throw new IllegalArgumentException("a Velero backup source needs the backup's name");
    }
    return VeleroBackupSource.open(bucket, settings.getOrDefault("prefix", ""), backup);
  }
}
