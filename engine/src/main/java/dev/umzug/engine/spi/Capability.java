package dev.umzug.engine.spi;

/**
 * One line of a provider's capability matrix.
 *
 * @param name stable key, e.g. {@code volume-snapshots}, {@code internal-load-balancer}
 * @param supported whether the provider offers it
 * @param detail what it is called there, or what to install instead
 * @param confidence how sure the fact is
 */
public record Capability(String name, boolean supported, String detail, Confidence confidence) {}
