package dev.umzug.providers.s3;

import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreFactory;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Opens S3 stores for the engine, from the settings of a plan's store or an {@code s3://} URI. */
public final class S3StoreFactory implements StoreFactory {

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public SnapshotStore open(Map<String, String> settings) throws IOException {
    return S3SnapshotStore.fromPlan(location(settings));
  }

  static S3Location location(Map<String, String> settings) {
    String bucket = settings.get("bucket");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("an S3 store needs a bucket");
    }
    String credentials = settings.getOrDefault("credentials", "default-chain");
    S3Credentials source =
        switch (credentials) {
          case "default-chain" -> S3Credentials.defaultChain();
          case "environment" -> S3Credentials.fromEnvironment();
          case "profile" -> S3Credentials.profile(settings.getOrDefault("profile", "default"));
          default -> throw new IllegalArgumentException("unknown S3 credentials source: " + credentials);
        };
    return new S3Location(
        Optional.ofNullable(settings.get("endpoint")).filter(s -> !s.isBlank()),
        bucket,
        settings.getOrDefault("prefix", ""),
        Optional.ofNullable(settings.get("region")).filter(s -> !s.isBlank()),
        Boolean.parseBoolean(settings.getOrDefault("pathStyle", "false")),
        source);
  }
}
