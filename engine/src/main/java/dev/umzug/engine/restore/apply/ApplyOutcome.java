package dev.umzug.engine.restore.apply;

import java.util.Locale;

/** What a restore did with one object. */
public enum ApplyOutcome {
  /** It did not exist on the target and was created. */
  CREATED,
  /** It existed with other content and was brought to the intent (policy {@code update}). */
  UPDATED,
  /** It existed with the intended content already. */
  UNCHANGED,
  /** An earlier run of the same restore applied this content; the journal says so. */
  ALREADY_APPLIED,
  /** It exists with other content and was left alone (policy {@code skip}, or a cluster-wide object). */
  SKIPPED,
  /** The target refused it, or it conflicts; the reason says which. */
  FAILED,
  /** Not sent: something it depends on failed, or the restore stopped before its step. */
  NOT_ATTEMPTED,
  /** Dry run: would be created; the server admitted it. */
  WOULD_CREATE,
  /** Dry run: would be changed at the listed fields; the server admitted it. */
  WOULD_UPDATE;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the object is on the target as intended afterwards (or would be, in a dry run). */
  public boolean ok() {
    return this != FAILED && this != NOT_ATTEMPTED && this != SKIPPED;
  }
}
