package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Capability;
import dev.umzug.engine.spi.Jurisdiction;
import dev.umzug.engine.spi.ProviderProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider profile whose knowledge is a data file. The file is parsed the first time any instance
 * of the profile is created (so at startup, when the registry loads profiles, a malformed file fails
 * loudly) and kept for later instances. Adding a provider means adding a data file and a small
 * subclass that names its id.
 */
public abstract class DataProfile implements ProviderProfile {

  private final String id;
  private final ProfileData data;
  private final Map<Class<?>, Object> facets;

  /**
   * @throws IllegalStateException when the data file is missing or malformed
   */
  protected DataProfile(String id) {
    this.id = id;
    this.data = ProfileLoader.cached(id);
    this.facets = Map.copyOf(data.facets());
  }

  /** The parsed data file. */
  public final ProfileData data() {
    return data;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public String displayName() {
    return data.displayName();
  }

  @Override
  public Jurisdiction jurisdiction() {
    return data.jurisdiction();
  }

  @Override
  public List<Capability> capabilities() {
    return data.capabilities();
  }

  @Override
  public <T> Optional<T> facet(Class<T> type) {
    return Optional.ofNullable(facets.get(type)).map(type::cast);
  }

  @Override
  public String toString() {
    return id;
  }
}
