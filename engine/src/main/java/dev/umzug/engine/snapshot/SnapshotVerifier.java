package dev.umzug.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.snapshot.VerificationProblem.Kind;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies a snapshot against a trusted signing key: the signature over manifest.json, the root
 * digest, the size and SHA-256 of every listed item, the canonical content digest of every plain
 * item, and that the snapshot holds nothing the manifest does not list. With an identity, it also
 * decrypts every encrypted item (age authenticates every chunk). Every problem names its object;
 * verification goes on after a problem so that one run reports all of them.
 */
public final class SnapshotVerifier {

  /** Leaves streams open, so that the digest can take in every byte after the parser stops. */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE, false)
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  private final SnapshotStore store;
  private final ManifestVerifier trusted;
  private final Optional<AgeIdentity> identity;

  public SnapshotVerifier(SnapshotStore store, ManifestVerifier trusted, Optional<AgeIdentity> identity) {
    this.store = store;
    this.trusted = trusted;
    this.identity = identity;
  }

  public SnapshotVerification verify(String snapshotId) {
    StoreKey prefix = SnapshotLayout.snapshot(snapshotId);
    List<VerificationProblem> problems = new ArrayList<>();
    List<StoredObject> present;
    try {
      present = store.list(prefix);
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "list " + prefix, e);
    }
    if (present.isEmpty()) {
      throw new InvalidInputException("snapshot " + snapshotId + " is not in " + store.describe());
    }
    byte[] manifestBytes = readSmall(prefix.resolve(SnapshotLayout.MANIFEST));
    if (manifestBytes == null) {
      problems.add(new VerificationProblem(Kind.MANIFEST_MISSING, SnapshotLayout.MANIFEST,
          "missing: the snapshot is incomplete (interrupted, or still being written)"));
      return new SnapshotVerification(snapshotId, Optional.empty(), 0, problems);
    }
    byte[] signature = readSmall(prefix.resolve(SnapshotLayout.SIGNATURE));
    if (signature == null) {
      problems.add(new VerificationProblem(Kind.SIGNATURE_MISSING, SnapshotLayout.SIGNATURE, "missing"));
    } else if (!trusted.verify(manifestBytes, signature)) {
      problems.add(new VerificationProblem(Kind.SIGNATURE_INVALID, SnapshotLayout.MANIFEST,
          "signature does not match: manifest.json was changed, or was not signed by key " + trusted.keyId()));
    }
    SnapshotManifest manifest;
    try {
      manifest = SnapshotManifest.parse(manifestBytes);
    } catch (SnapshotManifest.ManifestFormatException e) {
      problems.add(new VerificationProblem(Kind.MANIFEST_INVALID, SnapshotLayout.MANIFEST, e.getMessage()));
      return new SnapshotVerification(snapshotId, Optional.empty(), 0, problems);
    }
    if (!manifest.signerKeySha256().equals(trusted.keyId())) {
      problems.add(new VerificationProblem(Kind.SIGNED_BY_OTHER_KEY, SnapshotLayout.MANIFEST,
          "names signing key " + manifest.signerKeySha256() + ", not the trusted key " + trusted.keyId()));
    }
    if (!manifest.snapshotId().equals(snapshotId)) {
      problems.add(new VerificationProblem(Kind.MANIFEST_INVALID, SnapshotLayout.MANIFEST,
          "belongs to snapshot " + manifest.snapshotId() + ", found under " + snapshotId));
    }
    Set<String> listed = new TreeSet<>();
    int checked = 0;
    for (ManifestItem item : manifest.items()) {
      listed.add(item.key());
      if (checkItem(prefix, item, problems)) {
        checked++;
      }
    }
    for (StoredObject o : present) {
      String relative = o.key().relativeTo(prefix);
      if (!relative.equals(SnapshotLayout.MANIFEST) && !relative.equals(SnapshotLayout.SIGNATURE)
          && !listed.contains(relative)) {
        problems.add(new VerificationProblem(Kind.UNLISTED_ITEM, relative, "in the store but not in the manifest"));
      }
    }
    return new SnapshotVerification(snapshotId, Optional.of(manifest), checked, problems);
  }

  /** Hashes one item as it streams; returns whether it could be read to the end. */
  private boolean checkItem(StoreKey prefix, ManifestItem item, List<VerificationProblem> problems) {
    StoreKey key;
    try {
      key = prefix.resolve(item.key());
    } catch (IllegalArgumentException e) {
      problems.add(new VerificationProblem(Kind.MANIFEST_INVALID, item.key(), "not a valid store key"));
      return false;
    }
    MessageDigest stored = Digests.sha256();
    long[] size = {0};
    try (InputStream raw = store.get(key);
        InputStream counted = new CountingInputStream(new DigestInputStream(raw, stored), size)) {
      if (item.encrypted() && identity.isPresent()) {
        // not closed here: closing the age stream would close the store's stream before it is drained
        InputStream plain = AgeEncryption.decrypt(counted, identity.get(), item.key());
        JSON.readTree(plain); // authenticated by age chunk by chunk; must also be JSON
        plain.transferTo(OutputStream.nullOutputStream());
      } else if (!item.encrypted()) {
        JsonNode tree = JSON.readTree(counted);
        if (tree != null && item.contentSha256() != null
            && !CanonicalJson.sha256(tree).equals(item.contentSha256())) {
          problems.add(new VerificationProblem(Kind.CONTENT_DIGEST_MISMATCH, item.key(),
              "canonical content digest differs from the manifest"));
        }
      }
      counted.transferTo(OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      problems.add(new VerificationProblem(Kind.ITEM_MISSING, item.key(), "listed in the manifest but not in the store"));
      return false;
    } catch (InvalidInputException e) {
      problems.add(new VerificationProblem(Kind.ITEM_UNREADABLE, item.key(), "cannot decrypt with " + identity.get()));
      return false;
    } catch (IOException e) {
      if (!drain(key, stored, size)) {
        problems.add(new VerificationProblem(Kind.ITEM_UNREADABLE, item.key(), "cannot be read: " + e.getClass().getSimpleName()));
        return false;
      }
      // the content did not parse or decrypt; the digest below says whether the bytes changed
      if (digestMatches(item, stored, size[0])) {
        problems.add(new VerificationProblem(Kind.ITEM_UNREADABLE, item.key(),
            "bytes match the manifest but do not " + (item.encrypted() ? "decrypt" : "parse as JSON")));
        return true;
      }
    }
    if (!digestMatches(item, stored, size[0])) {
      problems.add(new VerificationProblem(Kind.ITEM_DIGEST_MISMATCH, item.key(),
          "stored bytes differ from the manifest (size " + size[0] + ", expected " + item.size() + ")"));
    }
    return true;
  }

  private static boolean digestMatches(ManifestItem item, MessageDigest stored, long size) {
    // digest() resets; keep the value for a second look
    String hex = Digests.hex(((MessageDigest) cloneOf(stored)).digest());
    return size == item.size() && hex.equals(item.sha256());
  }

  private static Object cloneOf(MessageDigest d) {
    try {
      return d.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Re-reads an item's raw bytes into the digest after its content failed to parse. */
  private boolean drain(StoreKey key, MessageDigest stored, long[] size) {
    stored.reset();
    size[0] = 0;
    try (InputStream raw = store.get(key);
        InputStream counted = new CountingInputStream(new DigestInputStream(raw, stored), size)) {
      counted.transferTo(OutputStream.nullOutputStream());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private byte[] readSmall(StoreKey key) {
    try (InputStream in = store.get(key)) {
      byte[] bytes = in.readNBytes(64 * 1024 * 1024 + 1);
      if (bytes.length > 64 * 1024 * 1024) {
        throw new InvalidInputException(key + ": larger than 64 MiB; not a manifest umzug wrote");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw StoreFailures.unreachable(store, "read " + key, e);
    }
  }

  /** Counts the bytes read through it. */
  static final class CountingInputStream extends java.io.FilterInputStream {
    private final long[] count;

    CountingInputStream(InputStream in, long[] count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count[0]++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count[0] += n;
      }
      return n;
    }
  }
}
