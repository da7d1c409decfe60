package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A {@link SnapshotStore} in a local directory: one file per object, the key's segments as
 * directories. Each object is written to a hidden temporary file in its final directory, forced to
 * disk, and then renamed into place (or hard-linked, for {@link PutMode#CREATE}, which fails if the
 * name exists), so a reader sees either the whole object or none. Hidden files are never listed.
 */
public final class LocalDirectoryStore implements SnapshotStore {

  /** Directories already created, so that a put into a known directory costs no stat calls. */
  private final java.util.Set<Path> knownDirectories = java.util.concurrent.ConcurrentHashMap.newKeySet();


  private final Path root;

  private LocalDirectoryStore(Path root) {
    this.root = root;
  }

  /**
   * Opens a store that must already exist (for reading, listing and deleting).
   *
   * @throws InvalidInputException when the directory does not exist
   * @throws OutputException when the path is not a directory
   */
  public static LocalDirectoryStore open(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      throw new InvalidInputException(root + ": snapshot store does not exist");
    }
    if (!Files.isDirectory(absolute)) {
      throw new OutputException(root + ": snapshot store is not a directory");
    }
    return new LocalDirectoryStore(absolute);
  }

  /**
   * Opens a store for writing, creating its directory, and checks that it can be written to.
   *
   * @throws OutputException when the directory cannot be created or written (exit code 4)
   */
  public static LocalDirectoryStore create(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
      Path probe = Files.createTempFile(absolute, ".umzug-probe-", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new OutputException(root + ": snapshot store is not writable: " + reason(e), e);
    }
    return new LocalDirectoryStore(absolute);
  }

  public Path root() {
    return root;
  }

  @Override
  public String describe() {
    return "local store " + root;
  }

  @Override
  public StoredObject put(StoreKey key, PutMode mode, Body body) throws IOException {
    Path target = pathOf(key);
    Path dir = target.getParent();
    if (!knownDirectories.contains(dir)) {
      Files.createDirectories(dir);
      knownDirectories.add(dir);
    }
    if (mode == PutMode.CREATE && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(key.value());
    }
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".umzug-tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() {
            // the store closes the file, after forcing it to disk
          }
        };
        OutputStream buffered = new java.io.BufferedOutputStream(out, 8 * 1024);
        body.writeTo(buffered);
        buffered.flush();
        channel.force(true);
      }
      long size = Files.size(temp);
      if (mode == PutMode.CREATE) {
        // link(2) fails if the name exists: an atomic create-if-absent, unlike rename(2)
        try {
          Files.createLink(target, temp);
        } catch (UnsupportedOperationException e) {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(temp);
      } else {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(dir);
      return new StoredObject(key, size);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public InputStream get(StoreKey key) throws IOException {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(key.value());
    }
    return Files.newInputStream(file);
  }

  @Override
  public Optional<StoredObject> stat(StoreKey key) throws IOException {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(new StoredObject(key, Files.size(file)));
  }

  @Override
  public List<StoredObject> list(StoreKey prefix) throws IOException {
    Path dir = pathOf(prefix);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<StoredObject> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.equals(dir)) {
          continue;
        }
        BasicFileAttributes attrs =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
          continue;
        }
        String relative = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        if (!isKey(relative)) {
          continue; // temporary and hidden files, and names no key could produce
        }
        found.add(new StoredObject(new StoreKey(relative), attrs.size()));
      }
    }
    found.sort((a, b) -> a.key().compareTo(b.key()));
    return found;
  }

  @Override
  public List<String> children(StoreKey prefix) throws IOException {
    Path dir = pathOf(prefix);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
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
    Path file = pathOf(key);
    Files.deleteIfExists(file);
    // prune directories left empty, up to (not including) the root
    Path dir = file.getParent();
    while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries.iterator().hasNext()) {
          break;
        }
      } catch (NoSuchFileException e) {
        dir = dir.getParent();
        continue;
      }
      Files.deleteIfExists(dir);
      dir = dir.getParent();
    }
  }

  /** The file for a key; a valid key cannot leave the root, and this checks it once more. */
  Path pathOf(StoreKey key) {
    Path p = root;
    for (String segment : key.segments()) {
      p = p.resolve(segment);
    }
    p = p.normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("store key " + key + " leaves the store");
    }
    return p;
  }

  private static boolean isKey(String relative) {
    try {
      new StoreKey(relative);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can open a directory; the rename itself is still atomic
    }
  }

  static String reason(IOException e) {
    String simple = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? simple : simple + " " + e.getMessage();
  }
}
