package dev.umzug.engine.registry;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.SourceFactory;
import dev.umzug.engine.spi.StoreFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every provider profile and rewrite rule on the class path, loaded once with ServiceLoader. */
public final class Registry {

  private final Map<String, ProviderProfile> profiles;
  private final List<RewriteRule> rules;
  private final Map<String, StoreFactory> stores = new TreeMap<>();
  private final Map<String, SourceFactory> sources = new TreeMap<>();

  public Registry(List<ProviderProfile> profiles, List<RewriteRule> rules) {
    Map<String, ProviderProfile> byId = new TreeMap<>();
    for (ProviderProfile p : profiles) {
      if (byId.put(p.id(), p) != null) {
        throw new IllegalStateException("two provider profiles share the id " + p.id());
      }
    }
    this.profiles = java.util.Collections.unmodifiableMap(byId);
    List<RewriteRule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(RewriteRule::id));
    this.rules = List.copyOf(sorted);
  }

  /** Loads everything registered under META-INF/services. */
  public static Registry load() {
    ClassLoader loader = Registry.class.getClassLoader();
    List<ProviderProfile> profiles = new ArrayList<>();
    ServiceLoader.load(ProviderProfile.class, loader).forEach(profiles::add);
    List<RewriteRule> rules = new ArrayList<>();
    ServiceLoader.load(RewriteRule.class, loader).forEach(rules::add);
    Registry registry = new Registry(profiles, rules);
    ServiceLoader.load(StoreFactory.class, loader).forEach(f -> registry.stores.put(f.scheme(), f));
    ServiceLoader.load(SourceFactory.class, loader).forEach(f -> registry.sources.put(f.kind(), f));
    return registry;
  }

  /** The factory for stores of a scheme such as {@code s3}, if a provider pack brings one. */
  public java.util.Optional<StoreFactory> storeFactory(String scheme) {
    return java.util.Optional.ofNullable(stores.get(scheme));
  }

  /** The factory for sources of a kind such as {@code velero-backup}, if a provider pack brings one. */
  public java.util.Optional<SourceFactory> sourceFactory(String kind) {
    return java.util.Optional.ofNullable(sources.get(kind));
  }

  /** All profiles, by id. */
  public List<ProviderProfile> profiles() {
    return List.copyOf(profiles.values());
  }

  /** The profile with this id; an unknown id is an error that lists the known ones. */
  public ProviderProfile profile(String id) {
    ProviderProfile profile = profiles.get(id);
    if (profile == null) {
      throw new InvalidInputException(
          "unknown provider '" + id + "'; known providers: "
              + (profiles.isEmpty() ? "none (no provider pack on the class path)" : String.join(", ", profiles.keySet())));
    }
    return profile;
  }

  /** All rules, by id. */
  public List<RewriteRule> rules() {
    return rules;
  }
}
