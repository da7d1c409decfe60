/**
 * The extension interfaces of umzug. This is the only engine package that provider packs may
 * import; everything else in the engine is machinery that may change without notice.
 *
 * <p>Rules ({@link dev.umzug.engine.spi.RewriteRule}) and provider profiles
 * ({@link dev.umzug.engine.spi.ProviderProfile}) are found with {@link java.util.ServiceLoader}.
 */
package dev.umzug.engine.spi;
