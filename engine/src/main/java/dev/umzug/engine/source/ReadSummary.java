package dev.umzug.engine.source;

/**
 * What one pass over a manifests directory saw.
 *
 * @param filesRead manifest files read (YAML and JSON, including those with problems)
 * @param filesSkipped files with other extensions, not read (files inside Helm charts and hidden
 *     directories are not counted)
 * @param helmCharts Helm chart directories found and not read
 * @param objects objects streamed
 * @param problems findings reported
 */
public record ReadSummary(int filesRead, int filesSkipped, int helmCharts, long objects, long problems) {}
