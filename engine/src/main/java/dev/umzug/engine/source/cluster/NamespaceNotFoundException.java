package dev.umzug.engine.source.cluster;

import dev.umzug.engine.error.InvalidInputException;
import java.util.List;

/**
 * A namespace asked for does not exist in the cluster. Its own error, because reading it would
 * otherwise give an empty, plausible-looking snapshot (a real API server lists an absent namespace
 * as empty).
 */
public class NamespaceNotFoundException extends InvalidInputException {

  private final List<String> namespaces;

  public NamespaceNotFoundException(String context, List<String> namespaces) {
    super((namespaces.size() == 1 ? "namespace '" + namespaces.get(0) + "'"
            : "namespaces '" + String.join("', '", namespaces) + "'")
        + " not found in context '" + context + "'");
    this.namespaces = List.copyOf(namespaces);
  }

  /** The namespaces that do not exist, sorted. */
  public List<String> namespaces() {
    return namespaces;
  }
}
