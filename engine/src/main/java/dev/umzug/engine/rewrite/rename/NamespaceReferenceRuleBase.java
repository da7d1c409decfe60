package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.Optional;

/**
 * What the rules that fix references to renamed namespaces share: their priority ({@link
 * Renames#PRIORITY}), and nothing to do when the plan renames no namespace.
 */
abstract class NamespaceReferenceRuleBase implements RewriteRule {

  @Override
  public final int priority() {
    return Renames.PRIORITY;
  }

  @Override
  public final RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<Renames> renames = Renames.of(context);
    return renames.isEmpty() ? RewriteResult.unchanged() : apply(resource, context, renames.get());
  }

  /** Looks at one object when the plan renames at least one namespace. Must not modify it. */
  abstract RewriteResult apply(ResourceView resource, RewriteContext context, Renames renames);
}
