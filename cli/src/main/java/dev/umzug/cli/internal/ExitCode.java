package dev.umzug.cli.internal;

/**
 * umzug's exit codes, one table for every command (documented in docs/exit-codes.md). Compatible
 * with picocli's own 0, 1 and 2.
 */
public enum ExitCode {
  /** Everything worked; findings, if any, were below the failure threshold. */
  OK(0),
  /** A bug in umzug: an unexpected exception. Rerun with --stacktrace and report it. */
  INTERNAL(1),
  /** The command line was wrong: unknown option, missing argument, unknown provider, bad path. */
  USAGE(2),
  /** The plan is invalid, or the result has blocking findings (or warnings with --fail-on warning). */
  INVALID_OR_BLOCKED(3),
  /** A cluster, store or output location could not be reached, read or written. */
  UNREACHABLE(4),
  /** The run completed, but some inputs failed: files that did not parse, objects not converted. */
  PARTIAL_FAILURE(5),
  /** Verification found the target differs from the plan. */
  VERIFICATION_FAILED(6);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
