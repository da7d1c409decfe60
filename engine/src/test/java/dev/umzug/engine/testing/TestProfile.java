package dev.umzug.engine.testing;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.spi.Capability;
import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.Jurisdiction;
import dev.umzug.engine.spi.ProviderProfile;
import java.util.List;

/**
 * A provider profile with no knowledge, for engine tests that need a source and a target: {@code
 * test-source} and {@code test-target}. It is not registered with ServiceLoader on purpose: the
 * engine's test jar is shared with the providers module, whose registry must not see it; tests
 * build their registry with {@link #registry()}.
 */
public final class TestProfile implements ProviderProfile {

  public static final TestProfile SOURCE = new TestProfile("test-source");
  public static final TestProfile TARGET = new TestProfile("test-target");

  private final String id;

  public TestProfile(String id) {
    this.id = id;
  }

  /** The rules registered on the class path, with the two test profiles. */
  public static Registry registry() {
    return new Registry(List.of(SOURCE, TARGET), Registry.load().rules());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String displayName() {
    return "Test provider " + id;
  }

  @Override
  public Jurisdiction jurisdiction() {
    return new Jurisdiction("DE", "Test GmbH", false, List.of("test-1"), Confidence.CONFIRMED);
  }

  @Override
  public List<Capability> capabilities() {
    return List.of();
  }
}
