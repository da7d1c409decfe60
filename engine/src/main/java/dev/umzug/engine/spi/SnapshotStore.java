package dev.umzug.engine.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where snapshots are kept: a local directory (the default), later an S3 bucket. A flat space of
 * objects named by {@link StoreKey}, shaped after what S3 can promise, so that every store behaves
 * the same:
 *
 * <ul>
 *   <li><b>Atomic per object.</b> After {@link #put} returns, the whole object is visible under its
 *       key; if {@code put} fails or the process dies, nothing is (a local store writes a temporary
 *       file and renames it; S3 makes an object visible only when the upload completes).
 *   <li><b>No rename, no append.</b> An object is written once, in one stream.
 *   <li><b>Conditional create.</b> {@link PutMode#CREATE} fails with {@link
 *       java.nio.file.FileAlreadyExistsException} when the key exists (S3: {@code If-None-Match: *}).
 *   <li><b>Listing by prefix</b>, in ascending key order (S3's UTF-8 byte order, which for the key
 *       alphabet equals {@link String#compareTo}).
 *   <li><b>Streaming.</b> Bodies go through streams; no method takes or returns a whole object in
 *       memory.
 * </ul>
 *
 * <p>Failures are {@link IOException}s: {@link java.nio.file.NoSuchFileException} for a missing key,
 * {@link java.nio.file.FileAlreadyExistsException} for a conditional create that lost, {@link
 * java.nio.file.AccessDeniedException} when the store refuses, anything else for an unreachable or
 * broken store. Messages name the key and never contain object content.
 */
public interface SnapshotStore {

  /** How {@link #put} treats an existing object. */
  enum PutMode {
    /** Fail with {@link java.nio.file.FileAlreadyExistsException} if the key exists. */
    CREATE,
    /** Replace an existing object atomically. */
    REPLACE
  }

  /** Writes an object's body. The stream must not be closed by the body; the store closes it. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** For messages, e.g. {@code local store /backups/umzug} or {@code s3://bucket/prefix}. */
  String describe();

  /**
   * Stores an object. The body is streamed to the store; only when it returns normally is the
   * object made visible. If it throws, the object is not created and the exception propagates.
   *
   * @return the stored object with its size
   */
  StoredObject put(StoreKey key, PutMode mode, Body body) throws IOException;

  /**
   * Stores an object as {@link #put} does, just as atomically, but lets the store postpone what
   * makes it survive a crash of the machine (not of the process) until the next {@link #flush}. For
   * many objects that one later object commits, as a snapshot's manifest commits its items: until
   * the flush, a power loss may lose such an object, never leave part of it.
   *
   * @return the stored object with its size
   */
  default StoredObject putDeferred(StoreKey key, PutMode mode, Body body) throws IOException {
    return put(key, mode, body);
  }

  /**
   * Makes every object stored before this call durable, those of {@link #putDeferred} included;
   * returns when they are. Nothing to do for a store whose {@code put} is durable when it returns
   * (S3).
   */
  default void flush() throws IOException {}

  /**
   * Opens an object for reading.
   *
   * @throws java.nio.file.NoSuchFileException when there is no object under the key
   */
  InputStream get(StoreKey key) throws IOException;

  /** The object under {@code key}, if any (S3: HEAD). */
  Optional<StoredObject> stat(StoreKey key) throws IOException;

  /** Every object whose key lies below {@code prefix}, at any depth, in ascending key order. */
  List<StoredObject> list(StoreKey prefix) throws IOException;

  /**
   * The distinct next segments of the keys below {@code prefix}, sorted (S3: a listing with delimiter
   * {@code /}). For {@code snapshots} this gives the snapshot ids without reading their items.
   */
  List<String> children(StoreKey prefix) throws IOException;

  /** Removes an object. Removing a missing key is not an error (as in S3). */
  void delete(StoreKey key) throws IOException;
}
