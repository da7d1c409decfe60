package dev.umzug.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.SnapshotStore.PutMode;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one snapshot: each object as canonical JSON, encrypted with age where the caller asks
 * (and always for Secrets), both digests computed while the bytes stream to the store; then the
 * signature, then the manifest. Until the manifest exists, the snapshot is incomplete, and listing
 * says so; an interrupted run is never taken for a complete one. Items are written with {@link
 * SnapshotStore#putDeferred} and made durable together by one flush before the manifest.
 *
 * <p>{@link #addObject} may be called from several threads at once (the manifest sorts its items);
 * {@link #finish} once, after every {@code addObject} has returned.
 */
public final class SnapshotWriter {

  private final SnapshotStore store;
  private final String snapshotId;
  private final StoreKey prefix;
  private final ManifestSigner signer;
  private final Instant createdAt;
  private final List<ManifestItem> items = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private volatile boolean finished;

  private SnapshotWriter(
      SnapshotStore store, String snapshotId, ManifestSigner signer, Instant createdAt) {
    this.store = store;
    this.snapshotId = snapshotId;
    this.prefix = SnapshotLayout.snapshot(snapshotId);
    this.signer = signer;
    this.createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Starts a snapshot that must not exist yet in the store.
   *
   * @param createdAt recorded in the manifest (to the second); the only time in it
   * @throws InvalidInputException when the id is taken, even by an incomplete snapshot
   * @throws dev.umzug.engine.error.OutputException when the store cannot be read
   */
  public static SnapshotWriter begin(
      SnapshotStore store, String snapshotId, ManifestSigner signer, Instant createdAt) {
    SnapshotWriter writer = new SnapshotWriter(store, snapshotId, signer, createdAt);
    try {
      if (!store.list(writer.prefix).isEmpty()) {
        throw new InvalidInputException(
            "snapshot " + snapshotId + " already exists in " + store.describe() + "; choose another id");
      }
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "list " + writer.prefix, e);
    }
    return writer;
  }

  /**
   * Stores one object.
   *
   * @param encryptTo age recipients; empty to store in plain text, which is refused for a Secret
   * @return the manifest entry
   */
  public ManifestItem addObject(ResourceRef ref, JsonNode object, List<String> encryptTo) {
    if (finished) {
      throw new IllegalStateException("snapshot " + snapshotId + " is already finished");
    }
    boolean encrypt = !encryptTo.isEmpty();
    if (!encrypt && isSecret(ref)) {
      throw new InvalidInputException(
          ref + ": Secrets are stored only encrypted; give age recipients (spec.encryption.recipients)");
    }
    List<String> recipients = encrypt ? AgeEncryption.checkRecipients(encryptTo) : List.of();
    String relative = SnapshotLayout.itemKey(ref, encrypt);
    synchronized (keys) {
      if (!keys.add(relative)) {
        throw new InvalidInputException(ref + ": added twice to snapshot " + snapshotId);
      }
    }
    // in plain text the stored bytes are the canonical content, so this digest is both; an
    // encrypted item has no content digest (see ManifestItem)
    MessageDigest stored = Digests.sha256();
    StoreKey key = prefix.resolve(relative);
    StoredObject written;
    try {
      // durable by the flush in finish, before the manifest that commits it is written
      written = store.putDeferred(key, PutMode.CREATE, out -> {
        OutputStream storedSide = new DigestOutputStream(out, stored);
        if (encrypt) {
          try (OutputStream enc = AgeEncryption.encrypt(storedSide, recipients)) {
            CanonicalJson.write(object, enc);
          }
        } else {
          CanonicalJson.write(object, storedSide);
        }
        storedSide.flush();
      });
    } catch (FileAlreadyExistsException e) {
      throw new InvalidInputException(key + ": already in the store; another writer uses snapshot " + snapshotId);
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "write " + key, e);
    }
    String storedSha256 = Digests.hex(stored.digest());
    ManifestItem item =
        new ManifestItem(
            relative, ref, ManifestItem.JSON, written.size(), storedSha256,
            encrypt ? null : storedSha256, recipients);
    synchronized (items) {
      items.add(item);
    }
    return item;
  }

  /**
   * Makes every item durable ({@link SnapshotStore#flush}), then signs and writes the manifest:
   * manifest.sig first, manifest.json last, each created only if absent and durable when written.
   * So a manifest on disk, even after a power loss, always has its items.
   */
  public SnapshotManifest finish() {
    if (finished) {
      throw new IllegalStateException("snapshot " + snapshotId + " is already finished");
    }
    SnapshotManifest manifest;
    synchronized (items) {
      manifest = new SnapshotManifest(snapshotId, createdAt.toString(), signer.keyId(), List.copyOf(items));
    }
    byte[] bytes = manifest.toBytes();
    byte[] signature = signer.sign(bytes);
    try {
      store.flush();
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "flush the items of " + prefix, e);
    }
    put(prefix.resolve(SnapshotLayout.SIGNATURE), signature);
    put(prefix.resolve(SnapshotLayout.MANIFEST), bytes);
    finished = true;
    return manifest;
  }

  private void put(StoreKey key, byte[] bytes) {
    try {
      store.put(key, PutMode.CREATE, out -> out.write(bytes));
    } catch (FileAlreadyExistsException e) {
      throw new InvalidInputException(key + ": already in the store; another writer uses snapshot " + snapshotId);
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "write " + key, e);
    }
  }

  static boolean isSecret(ResourceRef ref) {
    return ref.group().isEmpty() && ref.kind().equals("Secret");
  }
}
