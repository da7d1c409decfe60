package dev.umzug.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Reads objects back from a snapshot whose manifest signature checks out. Every object is hashed
 * while it streams and is returned only when its size and digests match the manifest; a mismatch
 * is a {@link SnapshotIntegrityException} naming the item.
 */
public final class SnapshotReader {

  private final SnapshotStore store;
  private final StoreKey prefix;
  private final SnapshotManifest manifest;

  private SnapshotReader(SnapshotStore store, StoreKey prefix, SnapshotManifest manifest) {
    this.store = store;
    this.prefix = prefix;
    this.manifest = manifest;
  }

  /**
   * Opens a snapshot after checking its manifest's signature (items are checked as they are read).
   *
   * @throws SnapshotIntegrityException when the manifest is missing, unsigned, or not signed by the
   *     trusted key
   */
  public static SnapshotReader open(SnapshotStore store, String snapshotId, ManifestVerifier trusted) {
    StoreKey prefix = SnapshotLayout.snapshot(snapshotId);
    byte[] bytes = read(store, prefix, SnapshotLayout.MANIFEST, "snapshot " + snapshotId + " is incomplete or absent");
    byte[] signature = read(store, prefix, SnapshotLayout.SIGNATURE, "snapshot " + snapshotId + " is not signed");
    if (!trusted.verify(bytes, signature)) {
      throw new SnapshotIntegrityException(
          snapshotId + "/" + SnapshotLayout.MANIFEST + ": signature does not match key " + trusted.keyId());
    }
    SnapshotManifest manifest = SnapshotManifest.parse(bytes);
    if (!manifest.snapshotId().equals(snapshotId)) {
      throw new SnapshotIntegrityException(
          snapshotId + "/" + SnapshotLayout.MANIFEST + ": belongs to snapshot " + manifest.snapshotId());
    }
    return new SnapshotReader(store, prefix, manifest);
  }

  public SnapshotManifest manifest() {
    return manifest;
  }

  /**
   * Reads one object, decrypting it if it is encrypted.
   *
   * @param identity needed for encrypted items
   * @throws SnapshotIntegrityException when the stored bytes or the content differ from the manifest
   * @throws InvalidInputException when an encrypted item is read without a matching identity
   */
  public JsonNode read(ManifestItem item, Optional<AgeIdentity> identity) {
    if (item.encrypted() && identity.isEmpty()) {
      throw new InvalidInputException(item.key() + ": is encrypted; give an age identity to read it");
    }
    StoreKey key = prefix.resolve(item.key());
    MessageDigest stored = Digests.sha256();
    long[] size = {0};
    JsonNode tree;
    try (InputStream raw = store.get(key);
        InputStream counted = new SnapshotVerifier.CountingInputStream(new DigestInputStream(raw, stored), size)) {
      InputStream plain = item.encrypted() ? AgeEncryption.decrypt(counted, identity.get(), item.key()) : counted;
      try {
        tree = SnapshotVerifier.JSON.readTree(plain);
        plain.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        // a damaged ciphertext fails age's authentication; say which item, never what it holds
        throw new SnapshotIntegrityException(item.key() + ": stored bytes are damaged ("
            + e.getClass().getSimpleName() + ")");
      }
      counted.transferTo(OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      throw new SnapshotIntegrityException(item.key() + ": listed in the manifest but not in the store");
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "read " + key, e);
    }
    if (size[0] != item.size() || !Digests.hex(stored.digest()).equals(item.sha256())) {
      throw new SnapshotIntegrityException(item.key() + ": stored bytes differ from the manifest");
    }
    if (item.contentSha256() != null && !CanonicalJson.sha256(tree).equals(item.contentSha256())) {
      throw new SnapshotIntegrityException(item.key() + ": content differs from the manifest");
    }
    return tree;
  }

  private static byte[] read(SnapshotStore store, StoreKey prefix, String name, String missing) {
    try (InputStream in = store.get(prefix.resolve(name))) {
      return in.readNBytes(64 * 1024 * 1024);
    } catch (NoSuchFileException e) {
      throw new SnapshotIntegrityException(missing + ": no " + name);
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "read " + prefix.resolve(name), e);
    }
  }
}
