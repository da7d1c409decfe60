package dev.umzug.cli.internal;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.MigrationException;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.error.PlanInvalidException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and an exit code. The stack trace is printed only
 * with --stacktrace.
 */
public final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    ExitCode code = codeOf(e);
    if (e instanceof PlanInvalidException invalid && invalid.problems().size() > 1) {
      err.println("umzug: error: plan is invalid:");
      for (String problem : invalid.problems()) {
        err.println("  " + problem);
      }
    } else if (code == ExitCode.INTERNAL) {
      err.println(
          "umzug: internal error: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
              + " (rerun with --stacktrace and report it)");
    } else {
      err.println("umzug: error: " + firstLine(e.getMessage()));
    }
    if (stacktraceWanted(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return code.code();
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("umzug: usage error: " + firstLine(e.getMessage()));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  static ExitCode codeOf(Throwable e) {
    if (e instanceof PlanInvalidException) {
      return ExitCode.INVALID_OR_BLOCKED;
    }
    if (e instanceof InvalidInputException) {
      return ExitCode.USAGE;
    }
    if (e instanceof OutputException || e instanceof dev.umzug.engine.error.ClusterAccessException
        || e instanceof dev.umzug.engine.restore.apply.TargetException) {
      // a TargetException that reaches here ended the command: unreachable, credentials, access denied
      return ExitCode.UNREACHABLE;
    }
    if (e instanceof dev.umzug.engine.snapshot.SnapshotIntegrityException
        || e instanceof dev.umzug.engine.snapshot.SnapshotManifest.ManifestFormatException) {
      return ExitCode.VERIFICATION_FAILED;
    }
    if (e instanceof MigrationException) {
      return ExitCode.INTERNAL;
    }
    return ExitCode.INTERNAL;
  }

  private static boolean stacktraceWanted(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult p = parseResult;
    while (p != null) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
