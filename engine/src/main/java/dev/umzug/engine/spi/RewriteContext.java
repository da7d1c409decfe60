package dev.umzug.engine.spi;

/**
 * What a rule may know besides the object: the two provider profiles, the operator's mappings from
 * the plan, and the inventory of everything read from the source.
 */
public interface RewriteContext {

  ProviderProfile source();

  ProviderProfile target();

  Mappings mappings();

  Inventory inventory();
}
