package dev.umzug.cli;

import dev.umzug.cli.options.OutputOptions;
import dev.umzug.cli.render.RulesRenderer;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.rewrite.RewriteEngine;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.RewriteRule;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code umzug rules}: every rule id with a one-line description. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists every rewrite rule with a one-line description, in the order rules run.")
public final class RulesCommand implements Callable<Integer> {

  @ParentCommand UmzugCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(names = "--source", paramLabel = "ID", description = "Only rules relevant when moving from this provider.")
  String source;

  @Option(names = "--target", paramLabel = "ID", description = "Only rules relevant when moving to this provider.")
  String target;

  @Override
  public Integer call() {
    Registry registry = parent.registry();
    List<ProviderProfile> sources = source == null ? registry.profiles() : List.of(registry.profile(source));
    List<ProviderProfile> targets = target == null ? registry.profiles() : List.of(registry.profile(target));
    List<RewriteRule> rules =
        registry.rules().stream()
            .filter(r -> source == null && target == null || relevant(r, sources, targets))
            .sorted(RewriteEngine.ORDER)
            .toList();
    new RulesRenderer(spec.commandLine().getOut(), output.format).render(rules);
    return 0;
  }

  private static boolean relevant(RewriteRule rule, List<ProviderProfile> sources, List<ProviderProfile> targets) {
    for (ProviderProfile s : sources) {
      for (ProviderProfile t : targets) {
        if (!s.id().equals(t.id()) && rule.relevantFor(s, t)) {
          return true;
        }
      }
    }
    return false;
  }
}
