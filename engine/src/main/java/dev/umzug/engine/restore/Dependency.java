package dev.umzug.engine.restore;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import java.util.Comparator;

/**
 * An edge derived from content: {@code from} needs {@code to}, found at {@code via} in {@code
 * from}'s content, by the rule {@code ruleId} of {@link DependencyRules}.
 */
public record Dependency(ResourceRef from, ResourceRef to, String ruleId, JsonPointer via) {

  static final Comparator<Dependency> ORDER =
      Comparator.comparing(Dependency::from)
          .thenComparing(Dependency::to)
          .thenComparing(Dependency::ruleId)
          .thenComparing(Dependency::via);
}
