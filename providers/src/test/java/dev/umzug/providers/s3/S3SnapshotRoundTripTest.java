package dev.umzug.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.engine.snapshot.AgeIdentity;
import dev.umzug.engine.snapshot.ManifestSigner;
import dev.umzug.engine.snapshot.ManifestVerifier;
import dev.umzug.engine.snapshot.SigningKeys;
import dev.umzug.engine.snapshot.SnapshotVerification;
import dev.umzug.engine.snapshot.SnapshotVerifier;
import dev.umzug.engine.snapshot.SnapshotWriter;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.StoreKey;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import okhttp3.Dns;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

@DisplayName("A snapshot in an S3 store")
class S3SnapshotRoundTripTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static S3ProxyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.start("localhost");
    server.createBucket("umzug-plan");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("is written by SnapshotWriter through the plan's store settings and verifies clean")
  void writtenAndVerified(@TempDir Path home) throws Exception {
    S3Location spec = new S3Location(Optional.of(server.endpoint()), "umzug-plan", "/clusters/prod/", Optional.of("us-east-1"),
        true, S3Credentials.defaultChain());
    KeyPair signing = SigningKeys.generate();
    KeyPair age = new X25519KeyPairGenerator().generateKeyPair();
    try (S3SnapshotStore store = S3SnapshotStore.builder().from(spec).home(home).environment(keys()).open()) {
      assertThat(store.prefix()).isEqualTo("clusters/prod");
      SnapshotWriter writer = SnapshotWriter.begin(store, "s1", new ManifestSigner(signing), Instant.parse("2026-03-01T10:00:00Z"));
      writer.addObject(ResourceRef.of("apps/v1", "Deployment", "shop", "web"), JSON.readTree(
          "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"}}"), List.of());
      writer.addObject(ResourceRef.of("v1", "Secret", "shop", "db"), JSON.readTree(
          "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\",\"namespace\":\"shop\"},\"data\":{\"p\":\"eA==\"}}"),
          List.of(age.getPublic().toString()));
      writer.finish();

      SnapshotVerification result = new SnapshotVerifier(store, new ManifestVerifier(signing.getPublic()),
          Optional.of(AgeIdentity.of("test", age.getPrivate().toString()))).verify("s1");
      assertThat(result.problems()).isEmpty();
      assertThat(result.itemsChecked()).isEqualTo(2);
      assertThat(store.children(new StoreKey("snapshots"))).containsExactly("s1");
    }
  }

  @Test
  @DisplayName("works with virtual-host addressing (bucket in the host name) as well as path style")
  void virtualHost() throws Exception {
    Set<String> resolved = ConcurrentHashMap.newKeySet();
    Dns localhost = host -> {
      resolved.add(host);
      return host.endsWith("localhost") ? List.of(InetAddress.getLoopbackAddress()) : Dns.SYSTEM.lookup(host);
    };
    String endpoint = server.endpoint();
    try (S3SnapshotStore store = S3SnapshotStore.builder().endpoint(endpoint).bucket("umzug-plan").prefix("vhost")
        .region("us-east-1").pathStyle(false).environment(keys()).dns(localhost).open()) {
      assertThat(store.virtualHostStyle()).isTrue();
      store.put(new StoreKey("k"), dev.umzug.engine.spi.SnapshotStore.PutMode.CREATE, out -> out.write(42));
      assertThat(store.list(new StoreKey("k").resolve("none"))).isEmpty();
      assertThat(store.stat(new StoreKey("k"))).isPresent();
    }
    assertThat(resolved).as("host names looked up").containsExactly("umzug-plan.localhost");
    resolved.clear();
    // the same object, through the path
    try (S3SnapshotStore store = S3SnapshotStore.builder().endpoint(endpoint).bucket("umzug-plan").prefix("vhost")
        .region("us-east-1").pathStyle(true).environment(keys()).dns(localhost).open()) {
      assertThat(store.virtualHostStyle()).isFalse();
      assertThat(store.get(new StoreKey("k")).readAllBytes()).containsExactly(42);
    }
    assertThat(resolved).containsExactly("localhost");
  }

  private static Map<String, String> keys() {
    return Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
  }
}
