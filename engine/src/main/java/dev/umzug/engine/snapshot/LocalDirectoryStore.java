package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A {@link SnapshotStore} in a local directory: one file per object, the key's segments as
 * directories. Each object is written to a hidden temporary file in its final directory (owner-only
 * permissions where the file system has them), forced to disk, and then hard-linked into place for
 * {@link PutMode#CREATE}, which fails if the name exists, or renamed over it for {@link
 * PutMode#REPLACE}; so a reader sees either the whole object or none, and a crash leaves at most a
 * hidden temporary file. Hidden files are never listed.
 *
 * <p>The new name is durable once its directory is forced: {@link #put} does that before it
 * returns, {@link #putDeferred} leaves it to the next {@link #flush}, which forces each directory
 * written to since, once, and the directories created since up to the root.
 */
public final class LocalDirectoryStore implements SnapshotStore {

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final java.util.Set<StandardOpenOption> NEW_FILE =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  /** Directories already created, so that a put into a known directory costs no stat calls. */
  private final java.util.Set<Path> knownDirectories = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Directories whose entries changed and are not yet forced to disk. */
  private final java.util.Set<Path> unflushed = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Temporary names: unique to this store instance, so one open(2) creates them. */
  private final String tempPrefix = Long.toHexString(RANDOM.nextLong());
  private final java.util.concurrent.atomic.AtomicLong tempCounter = new java.util.concurrent.atomic.AtomicLong();
  private final FileAttribute<?>[] ownerOnly;

  private final Path root;

  private LocalDirectoryStore(Path root) {
    this.root = root;
    this.ownerOnly = root.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
        : new FileAttribute<?>[0];
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
    StoredObject stored = putDeferred(key, mode, body);
    flush();
    return stored;
  }

  /**
   * Writes, forces and links the object as {@link #put} does; only forcing its directory waits for
   * {@link #flush}. Six system calls for a small object: open, write, fsync, close, link, unlink.
   */
  @Override
  public StoredObject putDeferred(StoreKey key, PutMode mode, Body body) throws IOException {
    Path target = pathOf(key);
    Path dir = target.getParent();
    if (!knownDirectories.contains(dir)) {
      createDirectory(dir);
    }
    Path temp = null;
    FileChannel channel = null;
    while (channel == null) {
      temp = dir.resolve("." + target.getFileName() + "." + tempPrefix
          + Long.toString(tempCounter.incrementAndGet(), 36) + ".umzug-tmp");
      try {
        channel = FileChannel.open(temp, NEW_FILE, ownerOnly);
      } catch (FileAlreadyExistsException e) {
        // a name left by a crashed run of a store that drew the same prefix: take the next
      } catch (NoSuchFileException e) {
        createDirectory(dir); // deleted since we created it (the last object in it was deleted)
        channel = FileChannel.open(temp, NEW_FILE, ownerOnly);
      }
    }
    boolean moved = false;
    try {
      long size;
      try (FileChannel open = channel) {
        ChannelOutput output = new ChannelOutput(open);
        try {
          body.writeTo(output);
          output.flush();
        } finally {
          output.release();
        }
        open.force(true);
        size = output.count;
      }
      if (mode == PutMode.CREATE) {
        // link(2) fails if the name exists: an atomic create-if-absent, unlike rename(2)
        try {
          Files.createLink(target, temp);
        } catch (UnsupportedOperationException e) {
          if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(key.value());
          }
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
          moved = true;
        }
      } else {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        moved = true;
      }
      unflushed.add(dir);
      return new StoredObject(key, size);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(key.value());
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Forces every directory written to since the last flush, and those created since, to disk. A
   * platform that cannot open a directory is left to its own ordering (the links are still atomic).
   */
  @Override
  public void flush() {
    for (Path dir : List.copyOf(unflushed)) {
      // removed before it is forced: an entry added meanwhile is forced now or by the next flush
      if (unflushed.remove(dir)) {
        forceDirectory(dir);
      }
    }
  }

  /** Creates the directory and its parents; each may be new, so each parent's entry needs forcing. */
  private void createDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
      unflushed.add(d);
    }
    knownDirectories.add(dir);
  }

  /**
   * Buffers writes to the channel in this thread's buffer (one write(2) for a small object, and no
   * buffer allocated per object) and counts the bytes, so the size needs no stat call.
   */
  private static final class ChannelOutput extends OutputStream {
    private static final int BUFFER = 8 * 1024;
    private static final ThreadLocal<byte[]> BUFFERS = new ThreadLocal<>();

    private final FileChannel channel;
    private final byte[] buffer;
    private int buffered;
    private long count;

    /** Takes this thread's buffer until {@link #release}; a body that puts meanwhile gets its own. */
    ChannelOutput(FileChannel channel) {
      this.channel = channel;
      byte[] own = BUFFERS.get();
      BUFFERS.set(null);
      this.buffer = own != null ? own : new byte[BUFFER];
    }

    void release() {
      BUFFERS.set(buffer);
    }

    @Override
    public void write(int b) throws IOException {
      if (buffered == BUFFER) {
        flush();
      }
      buffer[buffered++] = (byte) b;
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > BUFFER - buffered) {
        flush();
      }
      if (len >= BUFFER) {
        writeFully(java.nio.ByteBuffer.wrap(b, off, len));
      } else {
        System.arraycopy(b, off, buffer, buffered, len);
        buffered += len;
      }
      count += len;
    }

    @Override
    public void flush() throws IOException {
      if (buffered > 0) {
        writeFully(java.nio.ByteBuffer.wrap(buffer, 0, buffered));
        buffered = 0;
      }
    }

    private void writeFully(java.nio.ByteBuffer bytes) throws IOException {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }

    @Override
    public void close() {
      // the store closes the file, after forcing it to disk
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
    // a valid key's segments hold no separator and no "." or "..": resolving it whole is safe
    Path p = root.resolve(key.value().replace("/", root.getFileSystem().getSeparator())).normalize();
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
