package dev.umzug.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.snapshot.SnapshotSummary.State;
import dev.umzug.engine.snapshot.VerificationProblem.Kind;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.SnapshotStore.PutMode;
import dev.umzug.engine.spi.StoreKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A snapshot")
class SnapshotTest {

  static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
  static final String PASSWORD = "correct-horse-battery-staple-7731";
  static final String SECRET_KEY = "items/shop/Secret/db.json.age";
  static final String DEPLOYMENT_KEY = "items/shop/Deployment.apps/web.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  LocalDirectoryStore store;
  KeyPair signing;
  KeyPair age;
  AgeIdentity identity;

  @BeforeEach
  void setUp() throws Exception {
    store = LocalDirectoryStore.create(dir.resolve("store"));
    signing = SigningKeys.generate();
    age = new X25519KeyPairGenerator().generateKeyPair();
    identity = AgeIdentity.of("test identity", age.getPrivate().toString());
  }

  String recipient() {
    return age.getPublic().toString();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode deployment() {
    return json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"},"
        + "\"spec\":{\"replicas\":3,\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}}}");
  }

  static JsonNode secret() {
    String b64 = java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    return json("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\",\"namespace\":\"shop\"},"
        + "\"data\":{\"password\":\"" + b64 + "\"},\"stringData\":{\"plain\":\"" + PASSWORD + "\"}}");
  }

  static JsonNode clusterRole() {
    return json("{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"system:reader\"}}");
  }

  SnapshotManifest write(String id) {
    SnapshotWriter w = SnapshotWriter.begin(store, id, new ManifestSigner(signing), CREATED);
    w.addObject(ResourceRef.of("apps/v1", "Deployment", "shop", "web"), deployment(), List.of());
    w.addObject(ResourceRef.of("v1", "Secret", "shop", "db"), secret(), List.of(recipient()));
    w.addObject(ResourceRef.of("rbac.authorization.k8s.io/v1", "ClusterRole", null, "system:reader"), clusterRole(), List.of());
    return w.finish();
  }

  SnapshotVerification verify(String id) {
    return new SnapshotVerifier(store, new ManifestVerifier(signing.getPublic()), Optional.of(identity)).verify(id);
  }

  Path file(String id, String relative) {
    return dir.resolve("store/snapshots/" + id + "/" + relative);
  }

  @Test
  @DisplayName("round-trips: written, verified clean, and read back equal to what went in")
  void roundTrip() {
    SnapshotManifest manifest = write("s1");
    assertThat(manifest.items()).extracting(ManifestItem::key).containsExactly(
        "items/_cluster/ClusterRole.rbac.authorization.k8s.io/system:reader.json", DEPLOYMENT_KEY, SECRET_KEY);
    SnapshotVerification result = verify("s1");
    assertThat(result.problems()).isEmpty();
    assertThat(result.itemsChecked()).isEqualTo(3);

    SnapshotReader reader = SnapshotReader.open(store, "s1", new ManifestVerifier(signing.getPublic()));
    ManifestItem dep = reader.manifest().items().get(1);
    ManifestItem sec = reader.manifest().items().get(2);
    assertThat(reader.read(dep, Optional.empty())).isEqualTo(deployment());
    assertThat(reader.read(sec, Optional.of(identity))).isEqualTo(secret());
    assertThat(dep.contentSha256()).isEqualTo(CanonicalJson.sha256(deployment())).isEqualTo(dep.sha256());
    assertThat(sec.contentSha256()).isNull();
    assertThat(sec.recipients()).containsExactly(recipient());
  }

  @Test
  @DisplayName("gives a byte-identical manifest for the same items, whatever order they were added in")
  void deterministic() throws IOException {
    SnapshotWriter a = SnapshotWriter.begin(store, "a", new ManifestSigner(signing), CREATED);
    a.addObject(ResourceRef.of("apps/v1", "Deployment", "shop", "web"), deployment(), List.of());
    a.addObject(ResourceRef.of("rbac.authorization.k8s.io/v1", "ClusterRole", null, "system:reader"), clusterRole(), List.of());
    SnapshotWriter b = SnapshotWriter.begin(store, "a2", new ManifestSigner(signing), CREATED);
    b.addObject(ResourceRef.of("rbac.authorization.k8s.io/v1", "ClusterRole", null, "system:reader"), clusterRole(), List.of());
    b.addObject(ResourceRef.of("apps/v1", "Deployment", "shop", "web"), deployment(), List.of());
    String ma = new String(a.finish().toBytes(), StandardCharsets.UTF_8);
    String mb = new String(b.finish().toBytes(), StandardCharsets.UTF_8);
    assertThat(mb.replace("\"a2\"", "\"a\"")).isEqualTo(ma);
    assertThat(Files.readString(file("a", "manifest.json"))).isEqualTo(ma);
    assertThat(ma).contains("\"createdAt\":\"2026-03-01T10:00:00Z\"").doesNotContain("\n");
  }

  @Test
  @DisplayName("writes manifest.json as exactly the canonical JSON of the manifest's tree, entries canonicalized once")
  void manifestBytesAreTheCanonicalTree() throws IOException {
    SnapshotManifest manifest = write("s1");
    byte[] expected = CanonicalJson.toBytes(manifest.toJson());
    assertThat(manifest.toBytes()).isEqualTo(expected);
    assertThat(Files.readAllBytes(file("s1", "manifest.json"))).isEqualTo(expected);
    assertThat(SnapshotManifest.parse(expected)).isEqualTo(manifest);
  }

  @Test
  @DisplayName("writes each manifest entry member by member exactly as the canonical JSON of its tree")
  void entriesAreCanonical() {
    String hex = "ab".repeat(32);
    List<ManifestItem> items = List.of(
        new ManifestItem("items/shop/ConfigMap/a.json", ResourceRef.of("v1", "ConfigMap", "shop", "a"),
            ManifestItem.JSON, 12, hex, hex, List.of()),
        new ManifestItem("items/_cluster/ClusterRole.rbac.authorization.k8s.io/x%22.json",
            ResourceRef.of("rbac.authorization.k8s.io/v1", "ClusterRole", null, "x\"\\\u00fc\ud83d\ude00\n"),
            ManifestItem.JSON, 0, hex, hex, List.of()),
        new ManifestItem("items/shop/Secret/db.json.age", ResourceRef.of("v1", "Secret", "shop", "db"),
            ManifestItem.JSON, 9_007_199_254_740_992L, hex, null, List.of("age1zz", "age1aa")));
    for (ManifestItem item : items) {
      assertThat(item.canonicalEntry()).isEqualTo(CanonicalJson.toText(item.toJson()));
    }
  }

  @Test
  @DisplayName("never stores the plain text of a Secret: no stored file contains it, raw or base64")
  void secretNeverInPlainText() throws IOException {
    write("s1");
    String b64 = java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(text).as(f.toString()).doesNotContain(PASSWORD).doesNotContain(b64).doesNotContain("password");
      }
    }
  }

  @Test
  @DisplayName("refuses to store a Secret without recipients, naming the Secret but not its content")
  void refusesPlainSecret() {
    SnapshotWriter w = SnapshotWriter.begin(store, "s1", new ManifestSigner(signing), CREATED);
    assertThatThrownBy(() -> w.addObject(ResourceRef.of("v1", "Secret", "shop", "db"), secret(), List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Secret shop/db")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  @DisplayName("an interrupted snapshot (no manifest) is listed as incomplete, and verification says so")
  void interrupted() {
    write("done");
    SnapshotWriter w = SnapshotWriter.begin(store, "cut", new ManifestSigner(signing), CREATED);
    w.addObject(ResourceRef.of("apps/v1", "Deployment", "shop", "web"), deployment(), List.of());
    // no finish(): the process died here
    List<SnapshotSummary> list = new Snapshots(store).list();
    assertThat(list).extracting(SnapshotSummary::id, SnapshotSummary::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cut", State.INCOMPLETE),
            org.assertj.core.groups.Tuple.tuple("done", State.COMPLETE));
    assertThat(verify("cut").problems()).extracting(VerificationProblem::kind).containsExactly(Kind.MANIFEST_MISSING);
    assertThatThrownBy(() -> SnapshotWriter.begin(store, "cut", new ManifestSigner(signing), CREATED))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
  }

  @Test
  @DisplayName("deleting removes every object, the manifest first")
  void delete() {
    write("s1");
    write("s2");
    assertThat(new Snapshots(store).delete("s1")).isEqualTo(5);
    assertThat(new Snapshots(store).list()).extracting(SnapshotSummary::id).containsExactly("s2");
    assertThat(dir.resolve("store/snapshots/s1")).doesNotExist();
  }

  @Test
  @DisplayName("decrypting with the wrong identity is a clear error naming the item")
  void wrongIdentity() throws Exception {
    write("s1");
    AgeIdentity other = AgeIdentity.of("other.txt", new X25519KeyPairGenerator().generateKeyPair().getPrivate().toString());
    SnapshotReader reader = SnapshotReader.open(store, "s1", new ManifestVerifier(signing.getPublic()));
    ManifestItem sec = reader.manifest().items().get(2);
    assertThatThrownBy(() -> reader.read(sec, Optional.of(other)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(SECRET_KEY)
        .hasMessageContaining("cannot decrypt with age identity from other.txt");
    SnapshotVerification v = new SnapshotVerifier(store, new ManifestVerifier(signing.getPublic()), Optional.of(other)).verify("s1");
    assertThat(v.problems()).extracting(VerificationProblem::kind, VerificationProblem::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ITEM_UNREADABLE, SECRET_KEY));
  }

  @Nested
  @DisplayName("tampered with")
  class Tampering {

    @BeforeEach
    void writeSnapshot() {
      write("s1");
    }

    void flipByte(Path file, int index) throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      int i = index < 0 ? bytes.length + index : index;
      bytes[i] ^= 0x01;
      Files.write(file, bytes);
    }

    @Test
    @DisplayName("one flipped byte in a plain item is named, by digest and by content")
    void plainItem() throws IOException {
      flipByte(file("s1", DEPLOYMENT_KEY), 40);
      assertThat(verify("s1").problems()).extracting(VerificationProblem::key).containsOnly(DEPLOYMENT_KEY);
      assertThat(verify("s1").problems()).extracting(VerificationProblem::kind).contains(Kind.ITEM_DIGEST_MISMATCH);
      SnapshotReader reader = SnapshotReader.open(store, "s1", new ManifestVerifier(signing.getPublic()));
      assertThatThrownBy(() -> reader.read(reader.manifest().items().get(1), Optional.empty()))
          .isInstanceOf(SnapshotIntegrityException.class).hasMessageStartingWith(DEPLOYMENT_KEY);
    }

    @Test
    @DisplayName("one flipped byte in an encrypted item is named, with or without the identity")
    void encryptedItem() throws IOException {
      flipByte(file("s1", SECRET_KEY), -20);
      assertThat(verify("s1").problems()).extracting(VerificationProblem::kind, VerificationProblem::key)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ITEM_DIGEST_MISMATCH, SECRET_KEY));
      SnapshotVerification noIdentity =
          new SnapshotVerifier(store, new ManifestVerifier(signing.getPublic()), Optional.empty()).verify("s1");
      assertThat(noIdentity.problems()).extracting(VerificationProblem::key).containsExactly(SECRET_KEY);
      SnapshotReader reader = SnapshotReader.open(store, "s1", new ManifestVerifier(signing.getPublic()));
      assertThatThrownBy(() -> reader.read(reader.manifest().items().get(2), Optional.of(identity)))
          .isInstanceOf(SnapshotIntegrityException.class).hasMessageStartingWith(SECRET_KEY)
          .hasMessageNotContaining(PASSWORD);
    }

    @Test
    @DisplayName("one flipped byte anywhere in the manifest breaks the signature")
    void manifest() throws IOException {
      byte[] original = Files.readAllBytes(file("s1", "manifest.json"));
      for (int i = 0; i < original.length; i += Math.max(1, original.length / 40)) {
        Files.write(file("s1", "manifest.json"), original);
        flipByte(file("s1", "manifest.json"), i);
        assertThat(verify("s1").problems()).as("byte %d", i)
            .anySatisfy(p -> {
              assertThat(p.kind()).isEqualTo(Kind.SIGNATURE_INVALID);
              assertThat(p.key()).isEqualTo("manifest.json");
            });
      }
      Files.write(file("s1", "manifest.json"), original);
      flipByte(file("s1", "manifest.sig"), 3);
      assertThat(verify("s1").problems()).extracting(VerificationProblem::kind).containsExactly(Kind.SIGNATURE_INVALID);
      assertThatThrownBy(() -> SnapshotReader.open(store, "s1", new ManifestVerifier(signing.getPublic())))
          .isInstanceOf(SnapshotIntegrityException.class).hasMessageContaining("manifest.json: signature does not match");
    }

    @Test
    @DisplayName("a removed item is named as missing")
    void removed() throws IOException {
      Files.delete(file("s1", DEPLOYMENT_KEY));
      assertThat(verify("s1").problems()).extracting(VerificationProblem::kind, VerificationProblem::key)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ITEM_MISSING, DEPLOYMENT_KEY));
    }

    @Test
    @DisplayName("an added item that the manifest does not list is named")
    void added() throws IOException {
      store.put(new StoreKey("snapshots/s1/items/shop/ConfigMap/extra.json"), PutMode.CREATE, out -> out.write('{'));
      assertThat(verify("s1").problems()).extracting(VerificationProblem::kind, VerificationProblem::key)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.UNLISTED_ITEM, "items/shop/ConfigMap/extra.json"));
    }

    @Test
    @DisplayName("a manifest signed by another key is refused, naming both keys")
    void otherKey() {
      KeyPair other = SigningKeys.generate();
      SnapshotVerification v =
          new SnapshotVerifier(store, new ManifestVerifier(other.getPublic()), Optional.empty()).verify("s1");
      assertThat(v.problems()).extracting(VerificationProblem::kind)
          .containsExactly(Kind.SIGNATURE_INVALID, Kind.SIGNED_BY_OTHER_KEY);
    }
  }
}
