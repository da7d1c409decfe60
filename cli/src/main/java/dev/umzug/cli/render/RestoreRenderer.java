package dev.umzug.cli.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.cli.options.OutputFormat;
import dev.umzug.engine.restore.apply.ApplyOutcome;
import dev.umzug.engine.restore.apply.GateResult;
import dev.umzug.engine.restore.apply.ObjectResult;
import dev.umzug.engine.restore.apply.RestoreReportWriter;
import dev.umzug.engine.restore.apply.RestoreResult;
import dev.umzug.engine.snapshot.SnapshotManifest;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.verify.FieldDifference;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a restore on stdout. Table and Markdown list the findings, every object that did not
 * simply land (failed, skipped, not attempted, updated; in a dry run every object, with its changed
 * fields), the gates, the retries and the counts; JSON is the report of {@link RestoreReportWriter}.
 */
public final class RestoreRenderer {

  /** Outcomes a table lists object by object outside a dry run. */
  private static final Set<ApplyOutcome> NOTEWORTHY =
      EnumSet.of(ApplyOutcome.UPDATED, ApplyOutcome.SKIPPED, ApplyOutcome.FAILED, ApplyOutcome.NOT_ATTEMPTED);

  private final OutputFormat format;
  private final PrintWriter out;
  private final SnapshotManifest manifest;

  public RestoreRenderer(OutputFormat format, PrintWriter out, SnapshotManifest manifest) {
    this.format = format;
    this.out = out;
    this.manifest = manifest;
  }

  /** The preflight found blockers: nothing was applied. */
  public void blocked(List<Finding> findings) {
    long blockers = findings.stream().filter(f -> f.severity() == Severity.BLOCKER).count();
    if (format == OutputFormat.json) {
      ObjectNode n = RestoreReportWriter.toTree(manifest.snapshotId(), manifest.rootDigest(),
          new RestoreResult(false, List.of(), List.of(), Map.of(), Map.of(), "blocked by preflight", 0), findings);
      out.print(RestoreReportWriter.toJson(n));
    } else {
      findings(findings);
      out.printf(Locale.ROOT, "restore of snapshot %s blocked: %d blocking findings; nothing was applied%n",
          manifest.snapshotId(), blockers);
    }
    out.flush();
  }

  /** Prints the result; returns the JSON report, whatever the format, for --report. */
  public String result(RestoreResult result, List<Finding> findings) {
    String json = RestoreReportWriter.toJson(
        RestoreReportWriter.toTree(manifest.snapshotId(), manifest.rootDigest(), result, findings));
    if (format == OutputFormat.json) {
      out.print(json);
    } else {
      boolean md = format == OutputFormat.markdown;
      findings(findings);
      if (md) {
        out.println("| outcome | object | step | reason |");
        out.println("|---|---|---|---|");
      }
      for (ObjectResult r : result.objects()) {
        if (!result.dryRun() && !NOTEWORTHY.contains(r.outcome())) {
          continue;
        }
        if (md) {
          out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", r.outcome().label(), r.ref(), r.step(),
              r.reason().replace("|", "\\|"));
        } else {
          out.printf(Locale.ROOT, "%-14s %s%s%n", r.outcome().label(), r.ref(),
              r.reason().isEmpty() ? "" : "\n               " + r.reason());
          for (FieldDifference d : r.differences()) {
            out.printf(Locale.ROOT, "               ~ %s%n", d.describe());
          }
        }
      }
      out.println();
      for (GateResult g : result.gates()) {
        out.printf(Locale.ROOT, "gate %-22s after %-26s %s (%d objects)%n",
            g.gate().name().toLowerCase(Locale.ROOT).replace('_', '-'), g.step(), g.status().label(), g.objects());
        g.problems().forEach(p -> out.println("     " + p));
      }
      if (!result.retries().isEmpty()) {
        out.println("retried: " + new java.util.TreeMap<>(result.retries()).entrySet().stream()
            .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
      }
      if (!result.stoppedBecause().isEmpty()) {
        out.println("stopped: " + result.stoppedBecause() + "; run the same command again to continue");
      }
      String counts = result.counts().entrySet().stream().filter(e -> e.getValue() > 0)
          .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
      out.printf(Locale.ROOT, "%s of snapshot %s (sha256:%s): %s; %d requests%n",
          result.dryRun() ? "dry run" : "restore", manifest.snapshotId(), manifest.rootDigest(),
          counts.isEmpty() ? "nothing to do" : counts, result.requests());
    }
    out.flush();
    return json;
  }

  private void findings(List<Finding> findings) {
    for (Finding f : findings) {
      if (f.severity() == Severity.INFO) {
        continue;
      }
      out.printf(Locale.ROOT, "%-8s %s %s%n         %s%n", f.severity().label(), f.ruleId(),
          f.resource() == null ? "" : f.resource(), f.message());
    }
  }
}
