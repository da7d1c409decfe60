package dev.umzug.engine.restore.apply;

/** Progress of a restore, for a progress line; called from worker threads. */
public interface RestoreListener {

  RestoreListener NONE = new RestoreListener() {};

  /** A step starts with this many objects. */
  default void onStep(String step, int objects) {}

  /** One object is done. */
  default void onObject(ObjectResult result) {}

  /** A gate finished. */
  default void onGate(GateResult result) {}
}
