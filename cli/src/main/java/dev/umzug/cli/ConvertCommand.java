package dev.umzug.cli;

import dev.umzug.cli.internal.ExitCode;
import dev.umzug.cli.options.OutputFormat;
import dev.umzug.cli.options.OutputOptions;
import dev.umzug.cli.render.ConvertRenderer;
import dev.umzug.cli.render.ProgressReporter;
import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.convert.ConvertRequest;
import dev.umzug.engine.convert.ConvertSummary;
import dev.umzug.engine.convert.Converter;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.plan.ManifestsDir;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.NamespaceSpec;
import dev.umzug.engine.plan.OutputDir;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.report.ConvertReportWriter;
import dev.umzug.engine.source.ManifestDirectorySource;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code umzug convert}: rewrites a directory of manifests for another provider, offline. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts a directory of manifests written for one provider into portable manifests for"
          + " another, one file per object, and reports every change and every loss.",
      "Exit codes: 0 ok, 2 usage, 3 blocking findings, 4 output not writable, 5 some inputs failed."
    })
public final class ConvertCommand implements Callable<Integer> {

  @ParentCommand UmzugCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "Migration plan: providers, mappings, namespaces, manifests and output directory."
          + " Options given on the command line win over the plan.")
  Path plan;

  @Option(names = "--from", paramLabel = "DIR",
      description = "Directory (or file) of manifests to convert.")
  Path from;

  @Option(names = "--source-provider", paramLabel = "ID",
      description = "Provider the manifests were written for (see 'umzug providers').")
  String sourceProvider;

  @Option(names = "--target-provider", paramLabel = "ID",
      description = "Provider to convert for.")
  String targetProvider;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory for the converted manifests; written only when the run completes.")
  Path out;

  @Option(names = "--overwrite",
      description = "Replace the output directory if it is not empty.")
  boolean overwrite;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the full JSON report (every finding, every object's fate) here.")
  Path report;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "blocker",
      description = "Lowest finding severity that makes the exit code 3: warning or blocker (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Override
  public Integer call() {
    Registry registry = parent.registry();
    MigrationPlan loaded = plan == null ? null : PlanLoader.load(plan);
    Path input = Paths.display(from != null ? from : loaded == null ? null : loaded.source().manifests().map(ManifestsDir::path).orElse(null));
    Path output = Paths.display(out != null ? out : loaded == null ? null : loaded.target().output().map(OutputDir::path).orElse(null));
    String sourceId = sourceProvider != null ? sourceProvider : loaded == null ? null : loaded.sourceProvider();
    String targetId = targetProvider != null ? targetProvider : loaded == null ? null : loaded.targetProvider();
    boolean planSource = input == null && loaded != null;
    if (!planSource) {
      require(input, "--from", "a source (spec.source)");
    }
    require(sourceId, "--source-provider", "spec.source.provider");
    require(targetId, "--target-provider", "spec.target.provider");
    require(output, "--out", "an output directory (spec.target.output)");
    ProviderProfile source = registry.profile(sourceId);
    ProviderProfile target = registry.profile(targetId);
    ConvertRequest request =
        new ConvertRequest(
            planSource ? new dev.umzug.engine.registry.Locations(registry).source(loaded, Paths::display)
                : new ManifestDirectorySource(input),
            source, target,
            loaded == null ? Mappings.none() : loaded.mappings(),
            loaded == null ? Set.of() : namespaces(loaded),
            rulesOf(registry, loaded), output, overwrite);
    return Conversions.run(
        request, this.output.format, report, failOn, parent.global().quiet, spec,
        "umzug convert: " + source.id() + " -> " + target.id() + " from " + request.source().describe());
  }

  private void require(Object value, String option, String planField) {
    if (value == null) {
      throw new ParameterException(
          spec.commandLine(),
          "missing " + option + (plan == null ? "" : ", and the plan " + plan + " has no " + planField));
    }
  }

  /** The registered rules, then the plan's own rules in plan order. */
  static java.util.List<dev.umzug.engine.spi.RewriteRule> rulesOf(Registry registry, MigrationPlan plan) {
    if (plan == null || plan.rules().isEmpty()) {
      return registry.rules();
    }
    java.util.List<dev.umzug.engine.spi.RewriteRule> rules = new java.util.ArrayList<>(registry.rules());
    rules.addAll(dev.umzug.engine.rewrite.user.UserRules.from(plan));
    return rules;
  }

  static Set<String> namespaces(MigrationPlan plan) {
    return plan.namespaces().stream().map(NamespaceSpec::name).collect(java.util.stream.Collectors.toSet());
  }

  /** What convert and plan share: running a conversion and turning it into output and a code. */
  static final class Conversions {

    private Conversions() {}

    static int run(
        ConvertRequest request,
        OutputFormat format,
        Path reportFile,
        Severity failOn,
        boolean quiet,
        CommandSpec spec,
        String title) {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ConvertReportWriter.ReportHeader header =
          new ConvertReportWriter.ReportHeader(
              request.sourceProfile().id(), request.source().describe(), request.targetProfile().id(),
              request.output() == null ? null : request.output().toString());
      try (ConvertReportWriter json = new ConvertReportWriter(header)) {
        ConvertRenderer renderer = format == OutputFormat.json ? null : new ConvertRenderer(out, format, title);
        ConvertListener listener = json;
        if (renderer != null) {
          listener = listener.andThen(renderer);
        }
        if (!quiet) {
          listener = listener.andThen(new ProgressReporter(err, request.output() == null ? "planned" : "converted"));
        }
        ConvertSummary summary = new Converter().run(request, listener);
        if (reportFile != null) {
          writeAtomically(reportFile, stream -> json.finish(summary, stream));
        }
        if (renderer != null) {
          renderer.finish(summary);
          renderer.close();
        } else {
          OutputStream stdout = new PrintWriterOutputStream(out);
          if (reportFile != null) {
            copy(reportFile, stdout);
          } else {
            json.finish(summary, stdout);
          }
        }
        return exitCode(summary, failOn).code();
      }
    }

    static ExitCode exitCode(ConvertSummary summary, Severity failOn) {
      boolean blocking = summary.count(Severity.BLOCKER) > 0;
      for (Severity s : Severity.values()) {
        if (s != Severity.ERROR && s.compareTo(failOn) >= 0 && summary.count(s) > 0) {
          blocking = true;
        }
      }
      if (blocking) {
        return ExitCode.INVALID_OR_BLOCKED;
      }
      if (summary.failed() > 0 || summary.count(Severity.ERROR) > 0) {
        return ExitCode.PARTIAL_FAILURE;
      }
      return ExitCode.OK;
    }

    interface StreamWriter {
      void write(OutputStream out) throws IOException;
    }

    static void writeAtomically(Path file, StreamWriter writer) {
      Path absolute = file.toAbsolutePath();
      try {
        Files.createDirectories(absolute.getParent());
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
          try (OutputStream o = Files.newOutputStream(tmp)) {
            writer.write(o);
          }
          Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException e) {
        throw new OutputException(file + ": cannot write the report: " + e.getMessage(), e);
      }
    }

    private static void copy(Path file, OutputStream out) {
      try {
        Files.copy(file, out);
        out.flush();
      } catch (IOException e) {
        throw new InvalidInputException(file + ": cannot read back the report", e);
      }
    }
  }
}
