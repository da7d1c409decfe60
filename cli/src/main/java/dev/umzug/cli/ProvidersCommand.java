package dev.umzug.cli;

import dev.umzug.cli.options.OutputOptions;
import dev.umzug.cli.render.ProvidersRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code umzug providers}: the provider profiles with jurisdiction and capabilities. */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "Lists the provider profiles with their jurisdiction and capabilities.")
public final class ProvidersCommand implements Callable<Integer> {

  @ParentCommand UmzugCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    new ProvidersRenderer(spec.commandLine().getOut(), output.format)
        .render(parent.registry().profiles());
    return 0;
  }
}
