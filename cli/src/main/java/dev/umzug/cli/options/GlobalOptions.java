package dev.umzug.cli.options;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts. */
public final class GlobalOptions {

  @Option(
      names = {"-x", "--stacktrace"},
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (for bug reports).")
  public boolean stacktrace;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "No progress messages on stderr.")
  public boolean quiet;
}
