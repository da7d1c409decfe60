package dev.umzug.cli.render;

import dev.umzug.cli.options.OutputFormat;
import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.convert.ConvertSummary;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a conversion as a table or as Markdown: objects as they stream, then findings and totals.
 * JSON is not rendered here; it is the report itself.
 */
public final class ConvertRenderer implements ConvertListener {

  private final PrintWriter out;
  private final OutputFormat format;
  private final String title;
  private boolean headerPrinted;

  public ConvertRenderer(PrintWriter out, OutputFormat format, String title) {
    this.out = out;
    this.format = format;
    this.title = title;
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
    } else {
      out.printf(
          Locale.ROOT, "%-56s %-9s %7d %8d  %s%n", outcome.ref(), status, outcome.changes().size(),
          outcome.findings().size(), what);
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
      out.println(title);
      out.println();
      out.printf(Locale.ROOT, "%-56s %-9s %7s %8s  %s%n", "OBJECT", "STATUS", "CHANGES", "FINDINGS", "OUTPUT OR REASON");
    }
  }

  /** Prints findings and totals once the run is over. */
  public void finish(ConvertSummary summary) {
    if (!headerPrinted) {
      header();
    }
    out.println();
    if (format == OutputFormat.markdown) {
      out.println("## Findings");
      out.println();
      if (summary.findings().isEmpty()) {
        out.println("None.");
      } else {
        out.println("| severity | rule | object | message | remediation |");
        out.println("|---|---|---|---|---|");
        for (Finding f : summary.findings()) {
          out.printf(
              Locale.ROOT, "| %s | %s | %s | %s | %s |%n", f.severity().label(), md(f.ruleId()),
              md(objectOf(f)), md(f.message()), md(f.remediation()));
        }
      }
      out.println();
      out.println("## Summary");
      out.println();
      out.println(totals(summary));
    } else {
      out.println("FINDINGS");
      if (summary.findings().isEmpty()) {
        out.println("  none");
      }
      for (Finding f : summary.findings()) {
        out.printf(
            Locale.ROOT, "  %-8s %-46s %s%n", f.severity().label(), f.ruleId(), objectOf(f));
        out.println("           " + f.message());
        if (!f.remediation().isEmpty()) {
          out.println("           fix: " + f.remediation());
        }
      }
      out.println();
      out.println(totals(summary));
    }
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
}
