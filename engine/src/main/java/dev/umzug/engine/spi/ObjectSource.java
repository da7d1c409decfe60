package dev.umzug.engine.spi;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where objects come from: a manifests directory, a live cluster, a Velero backup. A source streams;
 * it must not hold all objects in memory. {@link #read} may be called more than once and must give
 * the same objects in the same order each time.
 */
public interface ObjectSource {

  /** For messages, e.g. {@code manifests directory ./app}. */
  String describe();

  /**
   * Streams every object to {@code items}, and every input problem (a file that does not parse, a
   * document without a name) to {@code problems} as a finding; a problem never stops the stream.
   *
   * @throws IOException when the source as a whole cannot be read
   */
  void read(Consumer<SourceItem> items, Consumer<Finding> problems) throws IOException;
}
