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
 * @param droppedBy ids of the rules that dropped it, in rule order; empty unless dropped
 */
public record ObjectOutcome(
    ResourceRef ref,
    ResourceRef targetRef,
    String location,
    Status status,
    ObjectNode result,
    List<AppliedChange> changes,
    List<String> dropReasons,
    List<Finding> findings,
    List<String> droppedBy) {

  /** The fate of an input object. */
  public enum Status {
    CONVERTED,
    DROPPED,
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ObjectOutcome(ResourceRef ref, ResourceRef targetRef, String location, Status status, ObjectNode result,
      List<AppliedChange> changes, List<String> dropReasons, List<Finding> findings) {
    this(ref, targetRef, location, status, result, changes, dropReasons, findings, List.of());
  }

  public ObjectOutcome {
    droppedBy = droppedBy == null ? List.of() : List.copyOf(droppedBy);
    changes = List.copyOf(changes);
    dropReasons = List.copyOf(dropReasons);
    findings = List.copyOf(findings);
  }

  public boolean blocked() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
  }
}
