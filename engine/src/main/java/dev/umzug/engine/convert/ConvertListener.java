package dev.umzug.engine.convert;

import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.spi.Finding;

/** Receives results while a conversion streams, in input order. */
public interface ConvertListener {

  /** A problem of the input that belongs to no object: a file that does not parse. */
  default void onProblem(Finding finding) {}

  /** What became of one object; {@code outputPath} is null unless it was written. */
  default void onObject(ObjectOutcome outcome, String outputPath) {}

  /** Both listeners, in order. */
  default ConvertListener andThen(ConvertListener next) {
    ConvertListener first = this;
    return new ConvertListener() {
      @Override
      public void onProblem(Finding finding) {
        first.onProblem(finding);
        next.onProblem(finding);
      }

      @Override
      public void onObject(ObjectOutcome outcome, String outputPath) {
        first.onObject(outcome, outputPath);
        next.onObject(outcome, outputPath);
      }
    };
  }
}
