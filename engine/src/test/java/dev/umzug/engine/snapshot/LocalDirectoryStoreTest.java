package dev.umzug.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.spi.SnapshotStore.PutMode;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The local directory store")
class LocalDirectoryStoreTest {

  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("puts, gets, lists by prefix in key order, lists children and deletes")
  void roundTrip() throws IOException {
    LocalDirectoryStore store = LocalDirectoryStore.create(dir.resolve("store"));
    store.put(StoreKey.of("a", "x", "2"), PutMode.CREATE, out -> out.write(utf8("two")));
    store.put(StoreKey.of("a", "x", "1"), PutMode.CREATE, out -> out.write(utf8("one")));
    store.put(StoreKey.of("a", "y"), PutMode.CREATE, out -> out.write(utf8("y")));
    store.put(StoreKey.of("ab"), PutMode.CREATE, out -> out.write(utf8("not below a")));
    try (InputStream in = store.get(StoreKey.of("a", "x", "1"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one");
    }
    assertThat(store.list(new StoreKey("a"))).extracting(o -> o.key().value()).containsExactly("a/x/1", "a/x/2", "a/y");
    assertThat(store.children(new StoreKey("a"))).containsExactly("x", "y");
    assertThat(store.stat(StoreKey.of("a", "y"))).contains(new StoredObject(StoreKey.of("a", "y"), 1));
    store.delete(StoreKey.of("a", "x", "1"));
    store.delete(StoreKey.of("a", "x", "2"));
    store.delete(StoreKey.of("a", "x", "2"));
    assertThat(store.children(new StoreKey("a"))).containsExactly("y");
    assertThatThrownBy(() -> store.get(StoreKey.of("a", "x", "1"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  @DisplayName("a conditional create fails when the key exists and leaves the object as it was")
  void createOnlyOnce() throws IOException {
    LocalDirectoryStore store = LocalDirectoryStore.create(dir);
    StoreKey key = new StoreKey("k");
    store.put(key, PutMode.CREATE, out -> out.write(utf8("first")));
    assertThatThrownBy(() -> store.put(key, PutMode.CREATE, out -> out.write(utf8("second"))))
        .isInstanceOf(FileAlreadyExistsException.class);
    store.put(new StoreKey("r"), PutMode.REPLACE, out -> out.write(utf8("1")));
    store.put(new StoreKey("r"), PutMode.REPLACE, out -> out.write(utf8("2")));
    assertThat(Files.readString(dir.resolve("k"))).isEqualTo("first");
    assertThat(Files.readString(dir.resolve("r"))).isEqualTo("2");
  }

  @Test
  @DisplayName("a body that fails leaves no object and no temporary file behind")
  void failedBodyLeavesNothing() throws IOException {
    LocalDirectoryStore store = LocalDirectoryStore.create(dir);
    assertThatThrownBy(() -> store.put(StoreKey.of("d", "k"), PutMode.CREATE, out -> {
      out.write(utf8("half"));
      throw new IOException("source went away");
    })).hasMessage("source went away");
    assertThat(store.stat(StoreKey.of("d", "k"))).isEmpty();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  @DisplayName("a deferred put is as visible and as conditional as a put, each object is readable by its owner only, and a directory emptied by delete is made again")
  void deferredPutsAndOwnerOnly() throws IOException {
    LocalDirectoryStore store = LocalDirectoryStore.create(dir);
    StoreKey key = StoreKey.of("s", "items", "k");
    assertThat(store.putDeferred(key, PutMode.CREATE, out -> out.write(utf8("deferred"))))
        .isEqualTo(new StoredObject(key, 8));
    try (InputStream in = store.get(key)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("deferred");
    }
    assertThatThrownBy(() -> store.putDeferred(key, PutMode.CREATE, out -> out.write(utf8("again"))))
        .isInstanceOf(FileAlreadyExistsException.class).hasMessage("s/items/k");
    store.flush();
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s/items/k"))))
          .isEqualTo("rw-------");
    }
    store.delete(key);
    assertThat(Files.exists(dir.resolve("s"))).isFalse();
    store.put(key, PutMode.CREATE, out -> out.write(utf8("back")));
    assertThat(Files.readString(dir.resolve("s/items/k"))).isEqualTo("back");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .containsExactly("s/items/k".replace("/", dir.getFileSystem().getSeparator()));
    }
  }

  @Test
  @DisplayName("a body larger than the write buffer, in pieces of every size, is stored whole with its size")
  void largeBody() throws IOException {
    LocalDirectoryStore store = LocalDirectoryStore.create(dir);
    byte[] expected = new byte[100_000];
    new java.util.Random(7).nextBytes(expected);
    StoredObject stored = store.put(new StoreKey("big"), PutMode.CREATE, out -> {
      int at = 0;
      for (int piece = 1; at < expected.length; piece = piece * 3 % 20_011) {
        int len = Math.min(piece, expected.length - at);
        if (len == 1) {
          out.write(expected[at]);
        } else {
          out.write(expected, at, len);
        }
        at += len;
      }
    });
    assertThat(stored.size()).isEqualTo(expected.length);
    assertThat(Files.readAllBytes(dir.resolve("big"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "key {0} is refused")
  @ValueSource(strings = {"../x", "a/../../x", "/abs", "a//b", "a/.hidden", ".", "a/b/", "a\\b", "a/\u0000"})
  @DisplayName("refuses keys that would leave the store or name hidden files")
  void refusesTraversal(String key) {
    assertThatThrownBy(() -> new StoreKey(key)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("escapes any Kubernetes name into a valid segment, reversibly")
  void escapes() {
    assertThat(StoreKey.escapeSegment("system:controller:job")).isEqualTo("system:controller:job");
    assertThat(StoreKey.escapeSegment("../a b/ü")).isEqualTo("%2E.%2Fa%20b%2F%C3%BC");
    assertThat(StoreKey.isValidSegment(StoreKey.escapeSegment("../a b/ü"))).isTrue();
  }

  @Test
  @DisplayName("a store path under a regular file is reported as not writable (exit code 4)")
  void notWritable() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> LocalDirectoryStore.create(file.resolve("store")))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining("plain-file/store: snapshot store is not writable");
  }
}
