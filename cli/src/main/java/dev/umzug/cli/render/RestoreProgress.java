package dev.umzug.cli.render;

import dev.umzug.engine.restore.apply.GateResult;
import dev.umzug.engine.restore.apply.ObjectResult;
import dev.umzug.engine.restore.apply.RestoreListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a restore on stderr: one line per step, a count every few seconds within a long step,
 * one line per gate. Never object content.
 */
public final class RestoreProgress implements RestoreListener {

  private static final long EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final AtomicLong done = new AtomicLong();
  private volatile long stepTotal;
  private volatile String step = "";
  private volatile long lastPrint = System.nanoTime();

  public RestoreProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void onStep(String id, int objects) {
    step = id;
    stepTotal = objects;
    done.set(0);
    if (objects > 0) {
      err.printf(Locale.ROOT, "restore: step %s, %d objects%n", id, objects);
      err.flush();
    }
  }

  @Override
  public void onObject(ObjectResult result) {
    long n = done.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastPrint > EVERY_NANOS) {
      synchronized (this) {
        lastPrint = now;
        err.printf(Locale.ROOT, "restore: step %s, %d of %d objects%n", step, n, stepTotal);
        err.flush();
      }
    }
  }

  @Override
  public synchronized void onGate(GateResult result) {
    err.printf(Locale.ROOT, "restore: gate %s after step %s: %s%n",
        result.gate().name().toLowerCase(Locale.ROOT).replace('_', '-'), result.step(), result.status().label());
    err.flush();
  }
}
