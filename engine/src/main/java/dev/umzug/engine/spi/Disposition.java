package dev.umzug.engine.spi;

/** What becomes of an object: it goes to the target, or it is dropped with a reason. */
public enum Disposition {
  KEEP,
  DROP
}
