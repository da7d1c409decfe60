package dev.umzug.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.spi.SnapshotStore.PutMode;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import io.minio.ListMultipartUploadsResponse;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The S3 store, against an in-process s3proxy")
class S3SnapshotStoreTest {

  static final String BUCKET = "umzug-snapshots";
  static final int PART = S3SnapshotStore.MIN_PART_SIZE;
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  static S3ProxyServer server;
  S3SnapshotStore store;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(null);
    server.createBucket(BUCKET);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  /** Each test works below its own prefix, so tests share one server and bucket. */
  @BeforeEach
  void open() throws IOException {
    store = storeBuilder().prefix("run/t" + PREFIXES.incrementAndGet()).partSize(PART).open();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static S3SnapshotStore.Builder storeBuilder() {
    return S3SnapshotStore.builder()
        .endpoint(server.endpoint())
        .bucket(BUCKET)
        .region("us-east-1")
        .pathStyle(true)
        .credentials(S3Credentials.fromEnvironment())
        .environment(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String read(StoreKey key) throws IOException {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("puts, gets, lists by prefix in key order, lists children and deletes")
  void roundTrip() throws IOException {
    store.put(StoreKey.of("a", "x", "2"), PutMode.CREATE, out -> out.write(utf8("two")));
    store.put(StoreKey.of("a", "x", "1"), PutMode.CREATE, out -> out.write(utf8("one")));
    store.put(StoreKey.of("a", "y"), PutMode.CREATE, out -> out.write(utf8("y")));
    store.put(StoreKey.of("ab"), PutMode.CREATE, out -> out.write(utf8("not below a")));
    assertThat(read(StoreKey.of("a", "x", "1"))).isEqualTo("one");
    assertThat(store.list(new StoreKey("a"))).extracting(o -> o.key().value()).containsExactly("a/x/1", "a/x/2", "a/y");
    assertThat(store.children(new StoreKey("a"))).containsExactly("x", "y");
    assertThat(store.stat(StoreKey.of("a", "y"))).contains(new StoredObject(StoreKey.of("a", "y"), 1));
    assertThat(store.stat(StoreKey.of("a", "nothing"))).isEmpty();
    store.delete(StoreKey.of("a", "x", "1"));
    store.delete(StoreKey.of("a", "x", "2"));
    store.delete(StoreKey.of("a", "x", "2"));
    assertThat(store.children(new StoreKey("a"))).containsExactly("y");
    assertThatThrownBy(() -> store.get(StoreKey.of("a", "x", "1")))
        .isInstanceOf(NoSuchFileException.class).hasMessage("a/x/1");
    assertThat(store.list(new StoreKey("empty"))).isEmpty();
    assertThat(store.children(new StoreKey("empty"))).isEmpty();
  }

  @Test
  @DisplayName("a conditional create fails when the key exists and leaves the object as it was; REPLACE replaces")
  void createOnlyOnce() throws IOException {
    StoreKey key = new StoreKey("k");
    store.put(key, PutMode.CREATE, out -> out.write(utf8("first")));
    assertThatThrownBy(() -> store.put(key, PutMode.CREATE, out -> out.write(utf8("second"))))
        .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("k");
    store.put(new StoreKey("r"), PutMode.REPLACE, out -> out.write(utf8("1")));
    store.put(new StoreKey("r"), PutMode.REPLACE, out -> out.write(utf8("2")));
    assertThat(read(key)).isEqualTo("first");
    assertThat(read(new StoreKey("r"))).isEqualTo("2");
  }

  @Test
  @DisplayName("a conditional create that loses a race after its check fails through If-None-Match, single part")
  void createRaceSinglePart() throws IOException {
    StoreKey key = new StoreKey("raced");
    assertThatThrownBy(() -> store.put(key, PutMode.CREATE, out -> {
      out.write(utf8("loser"));
      store.put(key, PutMode.REPLACE, other -> other.write(utf8("winner"))); // between HEAD and PUT
    })).isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("raced");
    assertThat(read(key)).isEqualTo("winner");
  }

  @Test
  @DisplayName("a conditional create that loses a race fails through If-None-Match on completion, and leaves no upload")
  void createRaceMultipart() throws Exception {
    StoreKey key = new StoreKey("raced-big");
    assertThatThrownBy(() -> store.put(key, PutMode.CREATE, out -> {
      out.write(new byte[PART + 1]); // the first part is sent once more bytes follow
      out.write(1);
      store.put(key, PutMode.REPLACE, other -> other.write(utf8("winner")));
    })).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(read(key)).isEqualTo("winner");
    assertThat(openUploads()).isZero();
  }

  @Test
  @DisplayName("a body that fails leaves no object and no multipart upload behind")
  void failedBodyLeavesNothing() throws Exception {
    assertThatThrownBy(() -> store.put(StoreKey.of("d", "k"), PutMode.CREATE, out -> {
      out.write(utf8("half"));
      throw new IOException("source went away");
    })).hasMessage("source went away");
    assertThatThrownBy(() -> store.put(StoreKey.of("d", "big"), PutMode.CREATE, out -> {
      out.write(new byte[3 * PART]); // two parts already uploaded
      assertThat(uncheckedOpenUploads()).as("the upload in progress").isEqualTo(1);
      throw new IOException("source went away late");
    })).hasMessage("source went away late");
    assertThat(store.stat(StoreKey.of("d", "k"))).isEmpty();
    assertThat(store.stat(StoreKey.of("d", "big"))).isEmpty();
    assertThat(store.list(new StoreKey("d"))).isEmpty();
    assertThat(openUploads()).isZero();
  }

  @Test
  @DisplayName("streams a 64 MiB object in parts, holding one part at a time, and reads back the same bytes")
  void streamsLargeObject() throws Exception {
    long size = 64L * 1024 * 1024;
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    StoredObject stored = store.put(new StoreKey("large.bin"), PutMode.CREATE, out -> {
      Random random = new Random(42);
      byte[] chunk = new byte[64 * 1024];
      for (long written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        sent.update(chunk);
        out.write(chunk);
      }
    });
    assertThat(stored.size()).isEqualTo(size);
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    try (InputStream in = store.get(new StoreKey("large.bin"))) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        received.update(buffer, 0, n);
      }
    }
    assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    String etag = server.admin().statObject(StatObjectArgs.builder().bucket(BUCKET)
        .object(store.objectName(new StoreKey("large.bin"))).build()).etag();
    assertThat(etag).as("a multipart upload of 13 parts of 5 MiB").endsWith("-13");
    assertThat(store.stat(new StoreKey("large.bin"))).contains(new StoredObject(new StoreKey("large.bin"), size));
  }

  @Test
  @DisplayName("keeps to its prefix and ignores objects no key could name")
  void keepsToPrefix() throws Exception {
    store.put(StoreKey.of("snapshots", "s1", "manifest.json"), PutMode.CREATE, out -> out.write(utf8("{}")));
    String root = store.prefix() + "/snapshots/";
    server.admin().putObject(PutObjectArgs.builder().bucket(BUCKET).object(root + "s2/.hidden")
        .stream(new ByteArrayInputStream(new byte[1]), 1, -1).build());
    server.admin().putObject(PutObjectArgs.builder().bucket(BUCKET).object(store.prefix() + "x/snapshots/s3/manifest.json")
        .stream(new ByteArrayInputStream(new byte[1]), 1, -1).build());
    assertThat(store.list(new StoreKey("snapshots"))).extracting(o -> o.key().value())
        .containsExactly("snapshots/s1/manifest.json");
    assertThat(store.children(new StoreKey("snapshots"))).containsExactly("s1", "s2");
    assertThat(store.objectName(new StoreKey("k"))).isEqualTo(store.prefix() + "/k");
  }

  @Test
  @DisplayName("a missing bucket is reported by name and endpoint when the store is opened")
  void missingBucket() {
    assertThatThrownBy(() -> storeBuilder().bucket("no-such-bucket").open())
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("bucket no-such-bucket does not exist at " + server.endpoint());
  }

  @Test
  @DisplayName("wrong keys are an AccessDeniedException that names the bucket and never the keys")
  void wrongCredentials() {
    assertThatThrownBy(() -> storeBuilder()
        .environment(Map.of("AWS_ACCESS_KEY_ID", "not-a-key-id", "AWS_SECRET_ACCESS_KEY", "not-the-secret"))
        .open())
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("s3://" + BUCKET)
        .hasMessageContaining("access denied")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-key-id").doesNotContain("not-the-secret"));
  }

  @Test
  @DisplayName("an endpoint nobody listens on is a clear IOException naming the endpoint")
  void unreachableEndpoint() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> storeBuilder().endpoint(endpoint).open())
        .isExactlyInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot reach S3 endpoint " + endpoint + " for bucket " + BUCKET);
  }

  @Test
  @DisplayName("without credentials in the named source, opening fails before any request")
  void noCredentials() {
    assertThatThrownBy(() -> storeBuilder().environment(Map.of()).open())
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("no S3 credentials found")
        .hasMessageContaining("AWS_ACCESS_KEY_ID");
  }

  @Test
  @DisplayName("describes itself by bucket, prefix and endpoint")
  void describes() {
    assertThat(store.describe()).isEqualTo("s3://" + BUCKET + "/" + store.prefix() + " at " + server.endpoint());
  }

  private int openUploads() throws Exception {
    MinioAsyncClient admin = MinioAsyncClient.builder().endpoint(server.endpoint()).region("us-east-1")
        .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build();
    ListMultipartUploadsResponse uploads = admin.listMultipartUploadsAsync(
        BUCKET, "us-east-1", null, null, store.prefix() + "/", null, null, null, null, null).get();
    return uploads.result().uploads().size();
  }

  private int uncheckedOpenUploads() {
    try {
      return openUploads();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
