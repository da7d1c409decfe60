package dev.umzug.engine.error;

import java.util.List;

/** A migration plan that does not validate. Carries every problem, each with its line and column. */
public class PlanInvalidException extends MigrationException {

  private final List<String> problems;

  public PlanInvalidException(String file, List<String> problems) {
    super(headline(file, problems));
    this.problems = List.copyOf(problems);
  }

  private static String headline(String file, List<String> problems) {
    String first = problems.isEmpty() ? "invalid plan" : problems.get(0);
    String located = first.startsWith(file) ? first : file + ": " + first;
    return located + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
  }

  /** Every problem found, each prefixed with line and column where known. */
  public List<String> problems() {
    return problems;
  }
}
