package dev.umzug.engine.rewrite;

import dev.umzug.engine.spi.Inventory;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.RewriteContext;

/** The context of one conversion: fixed for its whole run. */
public record SimpleRewriteContext(
    ProviderProfile source, ProviderProfile target, Mappings mappings, Inventory inventory)
    implements RewriteContext {}
