package dev.umzug.providers.velero;

import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A copy of a bucket on local disk (for instance made with {@code aws s3 sync} or {@code mc
 * mirror}), seen as a store that can only be read: a key's segments are directories, its last
 * segment a file. Writing fails with {@link AccessDeniedException}, as through {@link
 * ReadOnlyStore}. The engine's own local store is not used here because providers reach the engine
 * only through its SPI.
 */
final class BucketDirectory implements SnapshotStore {

  private final Path root;

  private BucketDirectory(Path root) {
    this.root = root;
  }

  /**
   * @throws NoSuchFileException when the directory does not exist
   * @throws NotDirectoryException when the path is not a directory
   */
  static BucketDirectory open(Path root) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      throw new NoSuchFileException(root.toString(), null, "bucket directory does not exist");
    }
    if (!Files.isDirectory(absolute)) {
      throw new NotDirectoryException(root.toString());
    }
    return new BucketDirectory(absolute);
  }

  @Override
  public String describe() {
    return "bucket directory " + root;
  }

  @Override
  public StoredObject put(StoreKey key, PutMode mode, Body body) throws IOException {
    throw new AccessDeniedException(key.value(), null, describe() + " is read-only");
  }

  @Override
  public InputStream get(StoreKey key) throws IOException {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(key.value());
    }
    return Files.newInputStream(file);
  }

  @Override
  public Optional<StoredObject> stat(StoreKey key) throws IOException {
    Path file = pathOf(key);
    return Files.isRegularFile(file)
        ? Optional.of(new StoredObject(key, Files.size(file)))
        : Optional.empty();
  }

  @Override
  public List<StoredObject> list(StoreKey prefix) throws IOException {
    Path dir = pathOf(prefix);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<StoredObject> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String relative = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        try {
          found.add(new StoredObject(new StoreKey(relative), Files.size(p)));
        } catch (IllegalArgumentException e) {
          // a name no key could produce: not part of the store
        }
      }
    }
    found.sort((a, b) -> a.key().compareTo(b.key()));
    return found;
  }

  @Override
  public List<String> children(StoreKey prefix) throws IOException {
    Path dir = pathOf(prefix);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    TreeSet<String> names = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (StoreKey.isValidSegment(name)) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  @Override
  public void delete(StoreKey key) throws IOException {
    throw new AccessDeniedException(key.value(), null, describe() + " is read-only");
  }

  private Path pathOf(StoreKey key) {
    Path p = root;
    for (String segment : key.segments()) {
      p = p.resolve(segment);
    }
    p = p.normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("store key " + key + " leaves the bucket directory");
    }
    return p;
  }
}
