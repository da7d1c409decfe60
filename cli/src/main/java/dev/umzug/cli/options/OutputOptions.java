package dev.umzug.cli.options;

import picocli.CommandLine.Option;

/** The -o/--output option shared by every command that prints a result. */
public final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Result format on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  public OutputFormat format = OutputFormat.table;
}
