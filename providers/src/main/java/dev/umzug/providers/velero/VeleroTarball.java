package dev.umzug.providers.velero;

import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A backup's {@code <b>.tar.gz}, streamed from the store one entry at a time: nothing is extracted
 * to disk and only the current entry's bytes are held (and only when a visitor asks for them).
 * Every failure of the gzip or tar layer becomes a {@link VeleroBackupException} naming the file.
 */
final class VeleroTarball {

  private static final int BUFFER = 64 * 1024;

  private final SnapshotStore store;
  private final StoreKey key;
  private final String backup;

  VeleroTarball(SnapshotStore store, StoreKey key, String backup) {
    this.store = store;
    this.key = key;
    this.backup = backup;
  }

  /** Receives the regular-file entries in the order the archive holds them. */
  interface Visitor {
    /**
     * @param name the entry name
     * @param size its length in bytes, as the header says
     * @param body the entry's bytes; valid only during the call, and not to be closed
     */
    void visit(String name, long size, Body body) throws IOException;
  }

  /** Reads the current entry on demand. */
  interface Body {
    /** The whole entry; callers check its size first. */
    byte[] readAll() throws IOException;
  }

  void forEach(Visitor visitor) throws IOException {
    InputStream raw;
    try {
      raw = store.get(key);
    } catch (NoSuchFileException e) {
      throw new VeleroBackupException(
          "backup '" + backup + "' has no resource tarball: " + key + " not found in " + store.describe(), e);
    }
    try (raw) {
      TarArchiveInputStream tar = open(raw);
      TarArchiveEntry entry;
      while ((entry = next(tar)) != null) {
        if (!entry.isFile()) {
          continue; // Velero writes regular files only; directories and links carry no object
        }
        // exceptions of the visitor itself pass unchanged; only the archive's are wrapped
        visitor.visit(entry.getName(), entry.getSize(), () -> readEntry(tar));
      }
    }
  }

  private TarArchiveInputStream open(InputStream raw) throws VeleroBackupException {
    try {
      return new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(raw, BUFFER), BUFFER));
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  private TarArchiveEntry next(TarArchiveInputStream tar) throws VeleroBackupException {
    try {
      return tar.getNextEntry();
    } catch (IOException | RuntimeException e) {
      // ZipException "Not in GZIP format", EOFException on truncation, tar header errors;
      // commons-compress reports some malformed headers with IllegalArgumentException
      throw unreadable(e);
    }
  }

  private byte[] readEntry(TarArchiveInputStream tar) throws VeleroBackupException {
    try {
      return tar.readAllBytes();
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  private VeleroBackupException unreadable(Exception e) {
    return new VeleroBackupException(
        key + " is not a readable gzip-compressed tar archive: " + reason(e), e);
  }

  private static String reason(Exception e) {
    String simple = e.getClass().getSimpleName();
    return e.getMessage() == null ? simple : simple + ": " + e.getMessage();
  }
}
