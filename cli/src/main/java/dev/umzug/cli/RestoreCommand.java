package dev.umzug.cli;

import dev.umzug.cli.internal.ExitCode;
import dev.umzug.cli.options.OutputOptions;
import dev.umzug.cli.options.SnapshotAccess;
import dev.umzug.cli.render.RestoreProgress;
import dev.umzug.cli.render.RestoreRenderer;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.plan.ConflictPolicy;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.restore.RestorePlan;
import dev.umzug.engine.restore.RestorePlanner;
import dev.umzug.engine.restore.apply.IntentRecord;
import dev.umzug.engine.restore.apply.Preflight;
import dev.umzug.engine.restore.apply.RestoreOptions;
import dev.umzug.engine.restore.apply.RestoreOptions.Strategy;
import dev.umzug.engine.restore.apply.RestoreResult;
import dev.umzug.engine.restore.apply.Restorer;
import dev.umzug.engine.restore.apply.Retrier;
import dev.umzug.engine.restore.apply.SnapshotIntent;
import dev.umzug.engine.restore.cluster.KubernetesTarget;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code umzug restore}: applies a snapshot, rewritten by the plan, to the plan's target cluster. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a signed snapshot, rewrites it for the plan's target and applies it to the target cluster in"
          + " dependency order, waiting for readiness gates between steps. A journal records every applied"
          + " object: run the same command again after a crash or Ctrl-C and it continues where it stopped.",
      "Exit codes: 0 complete, 2 usage, 3 blocked (preflight or rewrite blockers), 4 target or store"
          + " unreachable, 5 some objects failed or a gate failed, 6 snapshot signature or digest mismatch."
    })
public final class RestoreCommand implements Callable<Integer> {

  @ParentCommand UmzugCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin SnapshotAccess snapshot;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "PLAN", description = "The migration plan.")
  Path planFile;

  @Option(names = "--dry-run",
      description = "Server-side dry run of every object and a preflight of the target; writes nothing.")
  boolean dryRun;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "The restore journal; default: .umzug/restore-<snapshot>.journal in the current directory.")
  Path journalFile;

  @Option(names = "--restart",
      description = "Keep the existing journal aside (renamed *.N) and start a new one, e.g. after the plan changed.")
  boolean restart;

  @Option(names = "--conflict-policy", paramLabel = "POLICY",
      description = "Override the plan's spec.conflictPolicy: skip, update or fail.")
  String conflictPolicy;

  @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "replace",
      description = "How existing objects are updated: replace (read, merge, PUT) or apply (server-side apply,"
          + " field manager umzug). Default: ${DEFAULT-VALUE}.")
  String strategy;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "" + RestoreOptions.DEFAULT_WORKERS,
      description = "Objects applied at once within a step (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--qps", paramLabel = "N", defaultValue = "" + RestoreOptions.DEFAULT_QPS,
      description = "Requests per second to the target on average, 0 for no limit (default: ${DEFAULT-VALUE}).")
  double qps;

  @Option(names = "--burst", paramLabel = "N", defaultValue = "" + RestoreOptions.DEFAULT_BURST,
      description = "Requests allowed at once above the average (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--gate-timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long a readiness gate may take (default: ${DEFAULT-VALUE}).")
  long gateTimeoutSeconds;

  @Option(names = "--no-wait-workloads",
      description = "Do not wait for workloads to become available before routes; report their state instead.")
  boolean noWaitWorkloads;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
  Path reportFile;

  /** Set by tests: gates poll quickly. */
  Duration pollInterval = Duration.ofSeconds(2);

  @Override
  public Integer call() throws IOException {
    SnapshotAccess.Loaded input = snapshot.load(planFile, parent.registry(), "restore");
    MigrationPlan plan = input.plan();
    ClusterAccess cluster = input.target();
    RestoreOptions options = options(plan);
    SnapshotIntent loaded = input.snapshot();
    List<Finding> findings = new ArrayList<>(loaded.intent().findings());
    RestorePlan restorePlan = new RestorePlanner().plan(loaded.intent().items());
    findings.addAll(restorePlan.findings());
    Retrier retrier = new Retrier(options.retry());
    Path journalPath = snapshot.journal(journalFile);
    try (KubernetesTarget target = KubernetesTarget.open(cluster);
        RestoreJournal journal = dryRun ? null : openJournal(journalPath, loaded.manifest().rootDigest())) {
      findings.addAll(new Preflight(target, retrier).check(loaded.intent().items(), options.policy(), journal));
      findings.sort(Finding.REPORT_ORDER);
      long blockers = findings.stream().filter(f -> f.severity() == Severity.BLOCKER).count();
      RestoreRenderer renderer = new RestoreRenderer(output.format, spec.commandLine().getOut(), loaded.manifest());
      if (blockers > 0 && !dryRun) {
        renderer.blocked(findings);
        return ExitCode.INVALID_OR_BLOCKED.code();
      }
      if (!dryRun && plan.encryption().enabled()) {
        IntentRecord.write(journalPath, loaded.intent().items(), plan.encryption().recipients());
      } else if (!dryRun) {
        spec.commandLine().getErr().println("umzug: the plan names no spec.encryption.recipients: the rewritten"
            + " form is not recorded beside the journal (it holds Secrets); the journal keeps every digest");
      }
      RestoreResult result = new Restorer(options, retrier, Clock.systemUTC()).run(restorePlan, target, journal,
          false, new RestoreProgress(spec.commandLine().getErr()));
      String json = renderer.result(result, findings);
      if (reportFile != null) {
        Files.writeString(reportFile, json);
      }
      if (blockers > 0) {
        return ExitCode.INVALID_OR_BLOCKED.code();
      }
      return result.failed() ? ExitCode.PARTIAL_FAILURE.code() : ExitCode.OK.code();
    }
  }

  private RestoreOptions options(MigrationPlan plan) {
    ConflictPolicy policy = plan.conflictPolicy();
    if (conflictPolicy != null) {
      try {
        policy = ConflictPolicy.valueOf(conflictPolicy.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--conflict-policy: '" + conflictPolicy + "' is not one of skip, update, fail");
      }
    }
    Strategy s = switch (strategy) {
      case "replace" -> Strategy.REPLACE;
      case "apply" -> Strategy.SERVER_SIDE_APPLY;
      default -> throw new InvalidInputException("--strategy: '" + strategy + "' is not one of replace, apply");
    };
    if (workers < 1 || qps < 0 || burst < 1 || gateTimeoutSeconds < 0) {
      throw new InvalidInputException("--workers and --burst must be at least 1, --qps and --gate-timeout at least 0");
    }
    return RestoreOptions.defaults(policy).withStrategy(s).withWorkers(workers).withRate(qps, burst)
        .withDryRun(dryRun).withGates(Duration.ofSeconds(gateTimeoutSeconds), pollInterval, !noWaitWorkloads);
  }

  private RestoreJournal openJournal(Path file, String rootDigest) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    if (restart && Files.exists(file)) {
      int n = 1;
      while (Files.exists(file.resolveSibling(file.getFileName() + "." + n))) {
        n++;
      }
      Path aside = file.resolveSibling(file.getFileName() + "." + n);
      Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
      if (Files.exists(IntentRecord.beside(file))) {
        Files.move(IntentRecord.beside(file), IntentRecord.beside(aside), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return RestoreJournal.open(file, rootDigest);
  }
}
