package dev.umzug.cli.render;

import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.rewrite.ObjectOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/** Tells stderr how far a long run has come, at most every two seconds, and never for short runs. */
public final class ProgressReporter implements ConvertListener {

  private static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintWriter err;
  private final String verb;
  private final long start = System.nanoTime();
  private long last = start;
  private long count;

  public ProgressReporter(PrintWriter err, String verb) {
    this.err = err;
    this.verb = verb;
  }

  @Override
  public void onObject(ObjectOutcome outcome, String outputPath) {
    count++;
    if ((count & 255) == 0) {
      long now = System.nanoTime();
      if (now - last >= INTERVAL_NANOS) {
        last = now;
        double seconds = (now - start) / 1e9;
        err.printf(Locale.ROOT, "umzug: %s %d objects (%.0f/s)%n", verb, count, count / seconds);
        err.flush();
      }
    }
  }
}
