package dev.umzug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.engine.snapshot.LocalDirectoryStore;
import dev.umzug.engine.snapshot.ManifestSigner;
import dev.umzug.engine.snapshot.SigningKeys;
import dev.umzug.engine.snapshot.SnapshotWriter;
import dev.umzug.engine.spi.ResourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("umzug keys and umzug snapshots")
class SnapshotsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path keys;
  Path store;
  String recipient;

  @BeforeEach
  void setUp() throws Exception {
    keys = dir.resolve("keys");
    CliRun gen = CliRun.of("keys", "generate", "--out", keys.toString(), "-o", "json");
    assertThat(gen.exitCode()).as(gen.toString()).isZero();
    recipient = JSON.readTree(gen.out()).path("recipient").asText();
    store = dir.resolve("store");
    LocalDirectoryStore local = LocalDirectoryStore.create(store);
    ManifestSigner signer = new ManifestSigner(SigningKeys.readPair(keys.resolve("signing-key.pem")));
    SnapshotWriter w = SnapshotWriter.begin(local, "s1", signer, Instant.parse("2026-03-01T10:00:00Z"));
    w.addObject(ResourceRef.of("v1", "ConfigMap", "shop", "cfg"), JSON.readTree("{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"1\"}}"), List.of());
    w.addObject(ResourceRef.of("v1", "Secret", "shop", "db"), JSON.readTree("{\"kind\":\"Secret\",\"data\":{\"p\":\"c2VjcmV0\"}}"), List.of(recipient));
    w.finish();
    SnapshotWriter.begin(local, "s2-cut", signer, Instant.EPOCH)
        .addObject(ResourceRef.of("v1", "ConfigMap", "shop", "cfg"), JSON.readTree("{}"), List.of());
  }

  @Test
  @DisplayName("keys generate prints the recipient, writes the identity with mode 0600 and refuses to overwrite")
  void keysGenerate() throws Exception {
    assertThat(recipient).startsWith("age1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("age-identity.txt")))).isEqualTo("rw-------");
    CliRun again = CliRun.of("keys", "generate", "--out", keys.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("age-identity.txt: exists");
    CliRun table = CliRun.of("keys", "generate", "--out", dir.resolve("k2").toString());
    assertThat(table.out()).contains("age recipient:   age1").doesNotContain("AGE-SECRET-KEY");
  }

  @Test
  @DisplayName("list shows complete and incomplete snapshots, marking the incomplete one")
  void list() throws Exception {
    CliRun table = CliRun.of("snapshots", "list", "--store", store.toString());
    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).containsPattern("s1\\s+complete\\s+2026-03-01T10:00:00Z\\s+2\\s+1").containsPattern("s2-cut\\s+incomplete");
    JsonNode json = JSON.readTree(CliRun.of("snapshots", "list", "--store", store.toString(), "-o", "json").out());
    assertThat(json).extracting(n -> n.path("id").asText() + "=" + n.path("complete").asBoolean())
        .containsExactly("s1=true", "s2-cut=false");
  }

  @Test
  @DisplayName("show --verify passes on an intact snapshot and exits 6 naming a tampered item")
  void showVerify() throws Exception {
    String pub = keys.resolve("signing-key.pub.pem").toString();
    CliRun ok = CliRun.of("snapshots", "show", "s1", "--store", store.toString(), "--verify", "--public-key", pub,
        "--identity", keys.resolve("age-identity.txt").toString());
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("verified:    ok, 2 items checked", "root digest: ");
    Path item = store.resolve("snapshots/s1/items/shop/ConfigMap/cfg.json");
    Files.writeString(item, Files.readString(item).replace("\"1\"", "\"2\""));
    CliRun bad = CliRun.of("snapshots", "show", "s1", "--store", store.toString(), "--verify", "--public-key", pub, "-o", "json");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(6);
    JsonNode v = JSON.readTree(bad.out()).path("verification");
    assertThat(v.path("ok").asBoolean()).isFalse();
    assertThat(v.path("problems")).allSatisfy(p -> assertThat(p.path("key").asText()).isEqualTo("items/shop/ConfigMap/cfg.json"));
    CliRun noKey = CliRun.of("snapshots", "show", "s1", "--store", store.toString(), "--verify");
    assertThat(noKey.exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName("delete asks for --yes, then removes the snapshot")
  void delete() {
    CliRun refused = CliRun.of("snapshots", "delete", "s1", "--store", store.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("pass --yes");
    assertThat(store.resolve("snapshots/s1/manifest.json")).exists();
    CliRun done = CliRun.of("snapshots", "delete", "s1", "--store", store.toString(), "--yes");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(store.resolve("snapshots/s1")).doesNotExist();
    assertThat(CliRun.of("snapshots", "delete", "nope", "--store", store.toString(), "--yes").exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName("a store path under a regular file is exit code 4 with one line naming it; a missing store is 2")
  void unreachableStore() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    CliRun run = CliRun.of("snapshots", "list", "--store", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).startsWith("umzug: error: ").contains("plain-file: snapshot store is not a directory");
    CliRun keysRun = CliRun.of("keys", "generate", "--out", file.resolve("keys").toString());
    assertThat(keysRun.exitCode()).as(keysRun.toString()).isEqualTo(4);
    assertThat(CliRun.of("snapshots", "list", "--store", dir.resolve("nowhere").toString()).exitCode()).isEqualTo(2);
  }
}
