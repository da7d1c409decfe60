package dev.umzug.engine.spi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator's explicit choices from the plan. A mapping always wins over a profile's default.
 *
 * @param storageClasses source storage class name to target storage class name
 * @param ingressClasses source ingress class to target ingress class
 * @param registries source registry prefix (host, or host/path) to target prefix
 * @param nodePools source node pool name to target node pool name
 * @param zones source zone to target zone
 * @param namespaces source namespace to target namespace (renames)
 */
public record Mappings(
    Map<String, String> storageClasses,
    Map<String, String> ingressClasses,
    Map<String, String> registries,
    Map<String, String> nodePools,
    Map<String, String> zones,
    Map<String, String> namespaces) {

  private static final Mappings NONE =
      new Mappings(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  public Mappings {
    storageClasses = sorted(storageClasses);
    ingressClasses = sorted(ingressClasses);
    registries = sorted(registries);
    nodePools = sorted(nodePools);
    zones = sorted(zones);
    namespaces = sorted(namespaces);
  }

  public static Mappings none() {
    return NONE;
  }

  public Optional<String> storageClass(String source) {
    return Optional.ofNullable(storageClasses.get(source));
  }

  public Optional<String> ingressClass(String source) {
    return Optional.ofNullable(ingressClasses.get(source));
  }

  public Optional<String> nodePool(String source) {
    return Optional.ofNullable(nodePools.get(source));
  }

  public Optional<String> zone(String source) {
    return Optional.ofNullable(zones.get(source));
  }

  /** The target namespace for a source namespace: renamed, or the same. */
  public String namespace(String source) {
    return source == null ? null : namespaces.getOrDefault(source, source);
  }

  /**
   * Rewrites an image reference by the longest matching registry prefix, or empty when no mapping
   * matches. A prefix matches at a path boundary only: {@code gcr.io/a} does not match {@code
   * gcr.io/ab/x}.
   */
  public Optional<String> registry(String image) {
    String best = null;
    for (String prefix : registries.keySet()) {
      boolean boundary =
          image.equals(prefix)
              || (image.startsWith(prefix)
                  && "/:@".indexOf(image.charAt(prefix.length())) >= 0);
      if (boundary && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null
        ? Optional.empty()
        : Optional.of(registries.get(best) + image.substring(best.length()));
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
