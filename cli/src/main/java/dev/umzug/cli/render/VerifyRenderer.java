package dev.umzug.cli.render;

import dev.umzug.cli.options.OutputFormat;
import dev.umzug.engine.snapshot.SnapshotManifest;
import dev.umzug.engine.verify.FieldDifference;
import dev.umzug.engine.verify.ObjectVerification;
import dev.umzug.engine.verify.VerificationReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a verification: JSON is the evidence report itself; table and Markdown list every object
 * that failed with the differing field paths (Secret values never shown), then the counts and the
 * snapshot's root digest.
 */
public final class VerifyRenderer {

  private final OutputFormat format;
  private final PrintWriter out;

  public VerifyRenderer(OutputFormat format, PrintWriter out) {
    this.format = format;
    this.out = out;
  }

  public void render(VerificationReport report, SnapshotManifest manifest, String json) {
    if (format == OutputFormat.json) {
      out.print(json);
      out.flush();
      return;
    }
    boolean md = format == OutputFormat.markdown;
    if (md) {
      out.println("| status | object | field | intended | actual |");
      out.println("|---|---|---|---|---|");
    }
    for (ObjectVerification o : report.objects()) {
      if (!o.status().failed()) {
        continue;
      }
      if (o.differences().isEmpty()) {
        out.println(md ? "| " + o.status() + " | " + o.ref() + " | | | |" : String.format(Locale.ROOT, "%-20s %s",
            o.status().name().toLowerCase(Locale.ROOT), o.ref()));
      }
      for (FieldDifference d : o.differences()) {
        if (md) {
          out.printf(Locale.ROOT, "| %s | %s | `%s` | %s | %s |%n", o.status(), o.ref(), d.path(),
              d.redacted() ? "(secret)" : d.intended(), d.redacted() ? "(secret)" : String.valueOf(d.actual()));
        } else {
          out.printf(Locale.ROOT, "%-20s %s%n                     %s%n", o.status().name().toLowerCase(Locale.ROOT),
              o.ref(), d.describe());
        }
      }
    }
    String counts = report.counts().entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", "));
    out.printf(Locale.ROOT, "%sverification of snapshot %s (sha256:%s): %s: %s%n", md ? "\n" : "",
        manifest.snapshotId(), manifest.rootDigest(), report.passed() ? "PASSED" : "FAILED",
        counts.isEmpty() ? "nothing to verify" : counts);
    out.flush();
  }
}
