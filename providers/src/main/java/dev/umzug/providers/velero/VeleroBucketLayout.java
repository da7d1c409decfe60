package dev.umzug.providers.velero;

import dev.umzug.engine.spi.StoreKey;
import java.util.Objects;

/**
 * Where Velero keeps one backup's files under a backup storage location: {@code
 * <prefix>/backups/<backup>/...}. Only the three files umzug reads are named here.
 *
 * @param prefix the location's prefix inside the bucket, without leading or trailing '/'; empty for
 *     none
 * @param backup the Backup's name
 */
public record VeleroBucketLayout(String prefix, String backup) {

  public VeleroBucketLayout {
    Objects.requireNonNull(backup, "backup");
    prefix = prefix == null ? "" : trimSlashes(prefix);
    if (!StoreKey.isValidSegment(backup)) {
      throw new IllegalArgumentException("'" + backup + "' is not a Velero backup name");
    }
    if (!prefix.isEmpty()) {
      try {
        new StoreKey(prefix);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + prefix + "' is not a usable bucket prefix", e);
      }
    }
  }

  /** {@code backups/<b>/}: the directory of the backup. */
  public StoreKey directory() {
    return key("backups/" + backup);
  }

  /** {@code velero-backup.json}: the Backup object, plain JSON. */
  public StoreKey backupDocument() {
    return directory().resolve("velero-backup.json");
  }

  /** {@code <b>.tar.gz}: every backed-up object. */
  public StoreKey tarball() {
    return directory().resolve(backup + ".tar.gz");
  }

  /** {@code <b>-resource-list.json.gz}: which objects Velero says it backed up. */
  public StoreKey resourceList() {
    return directory().resolve(backup + "-resource-list.json.gz");
  }

  private StoreKey key(String relative) {
    return new StoreKey(prefix.isEmpty() ? relative : prefix + "/" + relative);
  }

  private static String trimSlashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(start, end);
  }
}
