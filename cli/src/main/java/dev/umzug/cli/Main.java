package dev.umzug.cli;

import dev.umzug.cli.internal.ErrorHandler;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point. Only {@link #main} exits the JVM; tests call {@link #run}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    ErrorHandler handler = new ErrorHandler();
    CommandLine cmd =
        new CommandLine(new UmzugCommand())
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(handler)
            .setParameterExceptionHandler(handler);
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
