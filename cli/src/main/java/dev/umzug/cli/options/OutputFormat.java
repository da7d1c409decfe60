package dev.umzug.cli.options;

/** How a command prints its result on stdout. */
public enum OutputFormat {
  table,
  json,
  markdown
}
