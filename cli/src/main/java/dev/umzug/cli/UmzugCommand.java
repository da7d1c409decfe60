package dev.umzug.cli;

import dev.umzug.cli.options.GlobalOptions;
import dev.umzug.engine.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: holds the subcommands and what they share. */
@Command(
    name = "umzug",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Moves Kubernetes workloads from one provider to another, explaining every change.",
    subcommands = {
      ConvertCommand.class,
      KeysCommand.class,
      PlanCommand.class,
      ProvidersCommand.class,
      RulesCommand.class,
      RestoreCommand.class,
      SnapshotCommand.class,
      SnapshotsCommand.class,
      VerifyCommand.class,
    })
public final class UmzugCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  private Registry registry;

  /** The profiles and rules on the class path, loaded on first use. */
  Registry registry() {
    if (registry == null) {
      registry = Registry.load();
    }
    return registry;
  }

  GlobalOptions global() {
    return global;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
