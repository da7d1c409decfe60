package dev.umzug.engine.convert;

import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.RewriteRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One conversion: where from, between which providers, with which rules, and where to.
 *
 * @param source the objects to convert
 * @param sourceProfile provider the objects were written for
 * @param targetProfile provider they are converted for
 * @param mappings the operator's explicit choices
 * @param namespaces namespaces to convert; empty means all
 * @param rules every rule that may run (irrelevant ones for the pair are skipped)
 * @param output directory for the converted files, or null to convert without writing (planning)
 * @param overwrite whether a non-empty output directory may be replaced
 */
public record ConvertRequest(
    ObjectSource source,
    ProviderProfile sourceProfile,
    ProviderProfile targetProfile,
    Mappings mappings,
    Set<String> namespaces,
    List<RewriteRule> rules,
    Path output,
    boolean overwrite) {

  public ConvertRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceProfile, "sourceProfile");
    Objects.requireNonNull(targetProfile, "targetProfile");
    mappings = mappings == null ? Mappings.none() : mappings;
    namespaces = namespaces == null ? Set.of() : Set.copyOf(namespaces);
    rules = List.copyOf(rules);
  }
}
