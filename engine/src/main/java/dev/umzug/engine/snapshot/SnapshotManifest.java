package dev.umzug.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.ResourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manifest of one snapshot (docs/snapshot-format.md): which objects it holds, with sizes and
 * digests, and a root digest over all entries. Its bytes are the canonical JSON of {@link #toJson},
 * so the same items give byte-identical manifests, and the signature covers exactly those bytes.
 *
 * @param snapshotId the snapshot's id, also its directory in the store
 * @param createdAt the time given by the caller (ISO 8601 UTC); nothing else in the manifest is a time
 * @param signerKeySha256 SHA-256 of the signing public key (X.509 SubjectPublicKeyInfo DER), hex
 * @param items the entries, sorted by key
 */
public record SnapshotManifest(
    String snapshotId, String createdAt, String signerKeySha256, List<ManifestItem> items) {

  public static final String FORMAT = "umzug-snapshot";
  public static final int FORMAT_VERSION = 1;

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> TOP_FIELDS =
      Set.of("format", "formatVersion", "snapshotId", "createdAt", "signer", "items", "rootDigest");
  private static final Set<String> ITEM_FIELDS =
      Set.of("key", "group", "kind", "namespace", "name", "mediaType", "size", "sha256", "contentSha256", "encryption");

  public SnapshotManifest {
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(signerKeySha256, "signerKeySha256");
    items = items.stream().sorted(Comparator.comparing(ManifestItem::key)).toList();
  }

  /**
   * SHA-256 over the entry lines: for each item in ascending key order, the canonical JSON of its
   * entry followed by one LF; lower-case hex.
   */
  public String rootDigest() {
    return rootDigest(entries());
  }

  private static String rootDigest(List<String> entries) {
    MessageDigest digest = Digests.sha256();
    for (String entry : entries) {
      digest.update(entry.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return Digests.hex(digest.digest());
  }

  /** The canonical JSON of each item's entry, in item order. */
  private List<String> entries() {
    List<String> entries = new ArrayList<>(items.size());
    for (ManifestItem item : items) {
      entries.add(item.canonicalEntry());
    }
    return entries;
  }

  public int encryptedCount() {
    return (int) items.stream().filter(ManifestItem::encrypted).count();
  }

  public long storedBytes() {
    return items.stream().mapToLong(ManifestItem::size).sum();
  }

  public ObjectNode toJson() {
    ObjectNode n = header();
    ArrayNode list = n.putArray("items");
    items.forEach(i -> list.add(i.toJson()));
    n.put("rootDigest", rootDigest());
    return n;
  }

  private ObjectNode header() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("format", FORMAT);
    n.put("formatVersion", FORMAT_VERSION);
    n.put("snapshotId", snapshotId);
    n.put("createdAt", createdAt);
    ObjectNode signer = n.putObject("signer");
    signer.put("algorithm", "Ed25519");
    signer.put("publicKeySha256", signerKeySha256);
    return n;
  }

  /**
   * The bytes of manifest.json: the canonical JSON of {@link #toJson}, no trailing newline. Each
   * entry is canonicalized once, for the root digest and the items alike.
   */
  public byte[] toBytes() {
    List<String> entries = entries();
    ObjectNode n = header();
    ArrayNode list = n.putArray("items");
    entries.forEach(e -> list.addPOJO(new CanonicalJson.Verbatim(e)));
    n.put("rootDigest", rootDigest(entries));
    return CanonicalJson.toBytes(n);
  }

  /**
   * Reads manifest.json. Refuses what this version cannot vouch for: another format, a newer format
   * version, unknown fields, a malformed digest, and a root digest that does not match the entries.
   *
   * @throws ManifestFormatException naming the field at fault
   */
  public static SnapshotManifest parse(byte[] bytes) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ManifestFormatException("manifest.json is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new ManifestFormatException("manifest.json is not a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new ManifestFormatException("manifest.json: format is not " + FORMAT);
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new ManifestFormatException(
          "manifest.json: formatVersion " + root.path("formatVersion") + " is not supported (this umzug reads "
              + FORMAT_VERSION + ")" + (version > FORMAT_VERSION ? "; upgrade umzug" : ""));
    }
    unknownFields(root, TOP_FIELDS, "manifest.json");
    String id = text(root, "snapshotId", "manifest.json");
    String createdAt = text(root, "createdAt", "manifest.json");
    JsonNode signer = root.path("signer");
    if (!"Ed25519".equals(signer.path("algorithm").asText())) {
      throw new ManifestFormatException("manifest.json: signer.algorithm must be Ed25519");
    }
    String signerKey = hex(signer, "publicKeySha256", "manifest.json signer");
    List<ManifestItem> items = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    JsonNode list = root.path("items");
    if (!list.isArray()) {
      throw new ManifestFormatException("manifest.json: items is not a list");
    }
    for (int i = 0; i < list.size(); i++) {
      ManifestItem item = item(list.get(i), "manifest.json items[" + i + "]");
      if (!keys.add(item.key())) {
        throw new ManifestFormatException("manifest.json: item " + item.key() + " is listed twice");
      }
      items.add(item);
    }
    SnapshotManifest manifest = new SnapshotManifest(id, createdAt, signerKey, items);
    String rootDigest = root.path("rootDigest").asText();
    if (!manifest.rootDigest().equals(rootDigest)) {
      throw new ManifestFormatException("manifest.json: rootDigest does not match the items");
    }
    return manifest;
  }

  private static ManifestItem item(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new ManifestFormatException(where + " is not an object");
    }
    unknownFields(n, ITEM_FIELDS, where);
    String key = text(n, "key", where);
    where = "manifest.json item " + key;
    ResourceRef ref =
        new ResourceRef(
            n.path("group").asText(""), text(n, "kind", where),
            n.hasNonNull("namespace") ? n.get("namespace").asText() : null, text(n, "name", where));
    if (!n.path("size").canConvertToLong() || n.path("size").asLong() < 0) {
      throw new ManifestFormatException(where + ": size is not a byte count");
    }
    String content = n.has("contentSha256") ? hex(n, "contentSha256", where) : null;
    List<String> recipients = new ArrayList<>();
    if (n.has("encryption")) {
      JsonNode enc = n.get("encryption");
      if (!"age".equals(enc.path("format").asText()) || !enc.path("recipients").isArray()
          || enc.path("recipients").isEmpty()) {
        throw new ManifestFormatException(where + ": encryption must name format age and its recipients");
      }
      enc.path("recipients").forEach(r -> recipients.add(r.asText()));
    }
    return new ManifestItem(
        key, ref, text(n, "mediaType", where), n.path("size").asLong(), hex(n, "sha256", where), content, recipients);
  }

  private static void unknownFields(JsonNode n, Set<String> known, String where) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new ManifestFormatException(where + ": unknown field " + f);
      }
    }
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new ManifestFormatException(where + ": " + field + " is missing");
    }
    return v.asText();
  }

  private static String hex(JsonNode n, String field, String where) {
    String v = text(n, field, where);
    if (!HEX64.matcher(v).matches()) {
      throw new ManifestFormatException(where + ": " + field + " is not a lower-case hex SHA-256");
    }
    return v;
  }

  /** A manifest that cannot be read or does not hold together. */
  public static final class ManifestFormatException extends dev.umzug.engine.error.MigrationException {
    public ManifestFormatException(String message) {
      super(message);
    }
  }
}
