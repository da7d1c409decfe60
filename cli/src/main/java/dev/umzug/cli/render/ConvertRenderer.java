package dev.umzug.cli.render;

import dev.umzug.cli.options.OutputFormat;
import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.convert.ConvertSummary;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints a conversion as it streams, as a table (each object followed by its findings) or as
 * Markdown (an objects table, then a findings table kept in a temporary file meanwhile). Memory does
 * not grow with the number of objects. JSON is not rendered here: it is the report itself.
 */
public final class ConvertRenderer implements ConvertListener, AutoCloseable {

  private final PrintWriter out;
  private final OutputFormat format;
  private final String title;
  private boolean headerPrinted;
  private boolean problemsHeaderPrinted;
  private Path markdownFindings;
  private Writer markdownFindingsWriter;

  public ConvertRenderer(PrintWriter out, OutputFormat format, String title) {
    this.out = out;
    this.format = format;
    this.title = title;
  }

  @Override
  public void onProblem(Finding finding) {
    if (format == OutputFormat.markdown) {
      markdownFinding(finding);
      return;
    }
    if (!problemsHeaderPrinted) {
      problemsHeaderPrinted = true;
      out.println(title);
      out.println();
      out.println("PROBLEMS IN THE INPUT");
    }
    tableFinding(finding, "  ");
  }

  @Override
  public void onObject(ObjectOutcome outcome, String outputPath) {
    if (!headerPrinted) {
      header();
    }
    String what =
        switch (outcome.status()) {
          case CONVERTED ->
              (outcome.blocked() ? "BLOCKED " : "")
                  + (outputPath == null ? targetOf(outcome) : outputPath);
          case DROPPED -> String.join("; ", outcome.dropReasons());
          case FAILED -> "see findings";
        };
    String status = outcome.status().label();
    if (format == OutputFormat.markdown) {
      out.printf(
          Locale.ROOT, "| %s | %s | %d | %d | %s |%n", md(outcome.ref().toString()), status,
          outcome.changes().size(), outcome.findings().size(), md(what));
      outcome.findings().forEach(this::markdownFinding);
    } else {
      out.printf(
          Locale.ROOT, "%-56s %-9s %7d %8d  %s%n", outcome.ref(), status, outcome.changes().size(),
          outcome.findings().size(), what);
      for (Finding f : outcome.findings()) {
        tableFinding(f, "    ");
      }
    }
  }

  private void tableFinding(Finding f, String indent) {
    out.printf(Locale.ROOT, "%s%-8s %s%s%n", indent, f.severity().label(), f.ruleId(),
        f.resource() == null && f.location() != null ? " " + f.location() : "");
    out.println(indent + "         " + f.message());
    if (!f.remediation().isEmpty()) {
      out.println(indent + "         fix: " + f.remediation());
    }
  }

  private void markdownFinding(Finding f) {
    try {
      if (markdownFindingsWriter == null) {
        markdownFindings = Files.createTempFile("umzug-findings-", ".md");
        markdownFindingsWriter = Files.newBufferedWriter(markdownFindings, StandardCharsets.UTF_8);
      }
      markdownFindingsWriter.write(String.format(
          Locale.ROOT, "| %s | %s | %s | %s | %s |%n", f.severity().label(), md(f.ruleId()),
          md(objectOf(f)), md(f.message()), md(f.remediation())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String targetOf(ObjectOutcome outcome) {
    return outcome.targetRef().equals(outcome.ref()) ? "" : "-> " + outcome.targetRef();
  }

  private void header() {
    headerPrinted = true;
    if (format == OutputFormat.markdown) {
      out.println("# " + title);
      out.println();
      out.println("## Objects");
      out.println();
      out.println("| object | status | changes | findings | output or reason |");
      out.println("|---|---|---:|---:|---|");
    } else {
      if (!problemsHeaderPrinted) {
        out.println(title);
      }
      out.println();
      out.printf(Locale.ROOT, "%-56s %-9s %7s %8s  %s%n", "OBJECT", "STATUS", "CHANGES", "FINDINGS", "OUTPUT OR REASON");
    }
  }

  /** Prints what remains once the run is over: the Markdown findings, and the totals. */
  public void finish(ConvertSummary summary) {
    if (!headerPrinted) {
      header();
    }
    out.println();
    if (format == OutputFormat.markdown) {
      out.println("## Findings");
      out.println();
      if (markdownFindings == null) {
        out.println("None.");
      } else {
        out.println("| severity | rule | object | message | remediation |");
        out.println("|---|---|---|---|---|");
        try {
          markdownFindingsWriter.close();
          try (var lines = Files.lines(markdownFindings, StandardCharsets.UTF_8)) {
            lines.forEach(out::println);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      out.println();
      out.println("## Summary");
      out.println();
    }
    out.println(totals(summary));
    out.flush();
  }

  static String totals(ConvertSummary s) {
    return String.format(
        Locale.ROOT,
        "%d objects: %d converted (%d blocked), %d dropped, %d failed; findings: %d blocker, %d error, %d warning, %d info%s",
        s.objects(), s.converted(), s.blocked(), s.dropped(), s.failed(), s.count(Severity.BLOCKER),
        s.count(Severity.ERROR), s.count(Severity.WARNING), s.count(Severity.INFO),
        s.output() == null ? "" : "; written to " + s.output());
  }

  private static String objectOf(Finding f) {
    if (f.resource() != null) {
      return f.resource() + (f.location() == null ? "" : " (" + f.location() + ")");
    }
    return f.location() == null ? "" : f.location();
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  @Override
  public void close() {
    try {
      if (markdownFindingsWriter != null) {
        markdownFindingsWriter.close();
      }
      if (markdownFindings != null) {
        Files.deleteIfExists(markdownFindings);
      }
    } catch (IOException e) {
      // a leftover temporary file is harmless
    }
  }
}
