package dev.umzug.engine.restore.apply;

import dev.umzug.engine.restore.Gate;
import java.util.List;

/**
 * How a readiness gate went.
 *
 * @param step the restore-order step it closes
 * @param gate the gate
 * @param status passed, failed, not applicable, or not waited for
 * @param objects how many objects the gate looked at
 * @param problems for a failed gate: one line per object that was not ready, with why
 */
public record GateResult(String step, Gate gate, Status status, int objects, List<String> problems) {

  /** The verdict. */
  public enum Status {
    PASSED,
    FAILED,
    /** Nothing for the gate to check (e.g. no volume data in the snapshot). */
    NOT_APPLICABLE,
    /** Checked once and reported, not waited for (workloads, when asked not to wait). */
    NOT_WAITED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public GateResult {
    problems = List.copyOf(problems);
  }
}
