package dev.umzug.engine.plan;

import java.util.Locale;

/** How persistent volume data is copied, as chosen in {@code spec.volumes.mover}. */
public enum MoverKind {
  /** Volume data is not copied: manifests only. */
  NONE,
  RESTIC,
  RSYNC,
  VELERO;

  /** The name as written in a plan, e.g. {@code restic}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MoverKind of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
