package dev.umzug.engine.spi;

/**
 * One rewrite rule: reads one object, answers with patches, findings and a keep/drop decision.
 * Implementations are stateless, have a public no-argument constructor, are registered in {@code
 * META-INF/services/dev.umzug.engine.spi.RewriteRule}, and never mutate their input.
 */
public interface RewriteRule {

  /** Priority of rules that clean what a server populated: they run first. */
  int PRIORITY_CLEAN = 100;

  /** Priority of provider rules. */
  int PRIORITY_PROVIDER = 500;

  /** Priority of the operator's own rules from the plan: they run last, in plan order. */
  int PRIORITY_USER = 900;

  /** Stable id, {@code area/verb-object}, e.g. {@code storage/change-storage-class}. */
  String id();

  /** One line for {@code umzug rules}. */
  String description();

  /** Lower runs first; ties are broken by {@link #id()}. */
  default int priority() {
    return PRIORITY_PROVIDER;
  }

  /** Which kinds the rule looks at; the engine calls {@link #apply} only for those. */
  ResourceSelector appliesTo();

  /** Whether the rule has anything to do when moving from {@code source} to {@code target}. */
  default boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return true;
  }

  /** Looks at one object. Must not modify it. */
  RewriteResult apply(ResourceView resource, RewriteContext context);
}
