package dev.umzug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.cli.internal.ExitCode;
import dev.umzug.cli.options.OutputOptions;
import dev.umzug.cli.options.SnapshotAccess;
import dev.umzug.cli.render.VerifyRenderer;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.restore.apply.Retrier;
import dev.umzug.engine.restore.apply.RetryPolicy;
import dev.umzug.engine.restore.apply.SnapshotIntent;
import dev.umzug.engine.restore.cluster.KubernetesTarget;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.verify.IntentVerifier;
import dev.umzug.engine.verify.VerificationReport;
import dev.umzug.engine.verify.VerificationReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code umzug verify}: proves that the target holds what the plan intended from the snapshot. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes the intent from the signed snapshot and the plan, reads every object back from the target"
          + " and checks every intended field (lists matched by their keys; server defaults and webhook"
          + " additions are not differences). Objects the plan's rules dropped must be absent.",
      "Exit codes: 0 verified, 2 usage, 4 target or store unreachable, 6 a mismatch, or a snapshot signature"
          + " or digest mismatch."
    })
public final class VerifyCommand implements Callable<Integer> {

  @ParentCommand UmzugCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin SnapshotAccess snapshot;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "PLAN", description = "The migration plan.")
  Path planFile;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "The restore journal, to confirm that the applied digests are the intended ones; default:"
          + " .umzug/restore-<snapshot>.journal when it exists.")
  Path journalFile;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON evidence report to FILE.")
  Path reportFile;

  @Override
  public Integer call() throws IOException {
    SnapshotAccess.Loaded input = snapshot.load(planFile, parent.registry(), "verify");
    SnapshotIntent loaded = input.snapshot();
    Map<ResourceRef, JsonNode> intended = loaded.verifiable();
    Retrier retrier = new Retrier(RetryPolicy.defaults());
    VerificationReport report;
    try (KubernetesTarget target = KubernetesTarget.open(input.target());
        RestoreJournal journal = openJournal(loaded.manifest().rootDigest())) {
      report = new IntentVerifier().verify(loaded.manifest().rootDigest(), intended, loaded.presenceOnly(),
          loaded.intent().mustBeAbsent(),
          ref -> retrier.call(() -> target.get(ref, apiVersionOf(intended.get(ref), ref))).map(n -> (JsonNode) n),
          journal == null ? null : journal::appliedDigest);
    }
    String json = VerificationReportWriter.toJson(report);
    if (reportFile != null) {
      Files.writeString(reportFile, json);
    }
    new VerifyRenderer(output.format, spec.commandLine().getOut()).render(report, loaded.manifest(), json);
    return report.passed() ? ExitCode.OK.code() : ExitCode.VERIFICATION_FAILED.code();
  }

  /** The version to read an object in: the intent's; for an object that must be absent, the preferred one. */
  private static String apiVersionOf(JsonNode intended, ResourceRef ref) {
    if (intended != null) {
      return intended.path("apiVersion").asText();
    }
    return ""; // the target picks its preferred version of the group
  }

  private RestoreJournal openJournal(String rootDigest) throws IOException {
    Path file = snapshot.journal(journalFile);
    if (journalFile == null && !Files.exists(file)) {
      return null;
    }
    return RestoreJournal.open(file, rootDigest);
  }
}
