package dev.umzug.providers.profile;

/** What becomes of a vendor custom resource. */
public enum CrdAction {
  /** Dropped with a warning: it only configured the source cloud. */
  DROP,
  /** Dropped; its intent must be rebuilt on the target (the remediation says how). */
  CONVERT,
  /** Kept and blocked: it stands for a cloud resource that needs a replacement first. */
  BLOCK
}
