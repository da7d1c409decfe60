package dev.umzug.cli;

import dev.umzug.cli.options.OutputOptions;
import dev.umzug.engine.convert.ConvertRequest;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.Severity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code umzug plan}: validates a plan and says what would happen, before anything moves. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a migration plan and, for a manifests source, shows what would be converted,"
          + " dropped and blocked. Nothing is written.",
      "Exit codes: 0 ok, 2 usage, 3 invalid plan or blocking findings, 5 some inputs failed."
    })
public final class PlanCommand implements Callable<Integer> {

  @ParentCommand UmzugCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The migration plan (YAML).")
  Path file;

  @Parameters(arity = "0..1", paramLabel = "PLAN", description = "The plan, as an alternative to -f.")
  Path positional;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the full JSON report here.")
  Path report;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "blocker",
      description = "Lowest finding severity that makes the exit code 3: warning or blocker (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Override
  public Integer call() {
    Path planFile = file != null ? file : positional;
    if (planFile == null) {
      throw new ParameterException(spec.commandLine(), "missing the plan: -f FILE");
    }
    MigrationPlan plan = PlanLoader.load(planFile);
    Registry registry = parent.registry();
    ProviderProfile source = registry.profile(plan.sourceProvider());
    ProviderProfile target = registry.profile(plan.targetProvider());
    ConvertRequest request =
        new ConvertRequest(
            new dev.umzug.engine.registry.Locations(registry).source(plan, Paths::display), source, target,
            plan.mappings(), ConvertCommand.namespaces(plan), ConvertCommand.rulesOf(registry, plan), null, false);
    return ConvertCommand.Conversions.run(
        request, output.format, report, failOn, parent.global().quiet, spec,
        "umzug plan " + plan.name() + ": " + source.id() + " -> " + target.id() + " from "
            + request.source().describe() + " (nothing is written)");
  }
}
