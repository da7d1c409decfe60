package dev.umzug.engine.rewrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import java.util.List;

/**
 * What the engine made of one object.
 *
 * @param ref the object as read from the source
 * @param targetRef the object as it will be written (namespace renamed), or {@code ref}
 * @param location where it was read
 * @param status converted, dropped or failed
 * @param result the rewritten object, {@code null} unless converted
 * @param changes every applied operation and its rule, in application order
 * @param dropReasons why it was dropped, one per dropping rule
 * @param findings what the rules said about it
 */
public record ObjectOutcome(
    ResourceRef ref,
    ResourceRef targetRef,
    String location,
    Status status,
    ObjectNode result,
    List<AppliedChange> changes,
    List<String> dropReasons,
    List<Finding> findings) {

  /** The fate of an input object. */
  public enum Status {
    CONVERTED,
    DROPPED,
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ObjectOutcome {
    changes = List.copyOf(changes);
    dropReasons = List.copyOf(dropReasons);
    findings = List.copyOf(findings);
  }

  public boolean blocked() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
  }
}
