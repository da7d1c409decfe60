package dev.umzug.engine.snapshot;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a {@link SnapshotManifest}: a stored object and what it holds.
 *
 * @param key the object's key relative to the snapshot, e.g. {@code items/shop/Deployment.apps/web.json}
 * @param ref group, kind, namespace and name of the Kubernetes object
 * @param mediaType what the plain content is: {@code application/json} for an object
 * @param size length of the stored bytes (the ciphertext for an encrypted item)
 * @param sha256 SHA-256 of the stored bytes, lower-case hex
 * @param contentSha256 SHA-256 of the canonical JSON of the object; {@code null} for encrypted items,
 *     because a plain digest of a short secret would let anyone holding the manifest test guesses of
 *     its value
 * @param recipients the age recipients an encrypted item was encrypted to, sorted; empty when the
 *     item is stored in plain text
 */
public record ManifestItem(
    String key, ResourceRef ref, String mediaType, long size, String sha256, String contentSha256,
    List<String> recipients) {

  public static final String JSON = "application/json";

  public ManifestItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    recipients = recipients == null ? List.of() : recipients.stream().sorted().toList();
  }

  public boolean encrypted() {
    return !recipients.isEmpty();
  }

  /**
   * The canonical JSON of {@link #toJson}, written member by member in RFC 8785 order (the names
   * below are sorted) without building and sorting a tree: a manifest has one entry per object.
   */
  String canonicalEntry() {
    if (size > (1L << 53)) {
      return CanonicalJson.toText(toJson()); // not an exact double: the general number rules apply
    }
    StringBuilder b = new StringBuilder(320).append('{');
    if (contentSha256 != null) {
      b.append("\"contentSha256\":").append(CanonicalJson.quote(contentSha256)).append(',');
    }
    if (encrypted()) {
      b.append("\"encryption\":{\"format\":\"age\",\"recipients\":[");
      for (int i = 0; i < recipients.size(); i++) {
        b.append(i > 0 ? "," : "").append(CanonicalJson.quote(recipients.get(i)));
      }
      b.append("]},");
    }
    b.append("\"group\":").append(CanonicalJson.quote(ref.group()))
        .append(",\"key\":").append(CanonicalJson.quote(key))
        .append(",\"kind\":").append(CanonicalJson.quote(ref.kind()))
        .append(",\"mediaType\":").append(CanonicalJson.quote(mediaType))
        .append(",\"name\":").append(CanonicalJson.quote(ref.name()));
    if (ref.namespace() != null) {
      b.append(",\"namespace\":").append(CanonicalJson.quote(ref.namespace()));
    }
    b.append(",\"sha256\":").append(CanonicalJson.quote(sha256))
        .append(",\"size\":").append(size).append('}');
    return b.toString();
  }

  /** The entry as it appears in manifest.json and in the root digest. */
  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("key", key);
    n.put("group", ref.group());
    n.put("kind", ref.kind());
    if (ref.namespace() != null) {
      n.put("namespace", ref.namespace());
    }
    n.put("name", ref.name());
    n.put("mediaType", mediaType);
    n.put("size", size);
    n.put("sha256", sha256);
    if (contentSha256 != null) {
      n.put("contentSha256", contentSha256);
    }
    if (encrypted()) {
      ObjectNode enc = n.putObject("encryption");
      enc.put("format", "age");
      recipients.forEach(enc.putArray("recipients")::add);
    }
    return n;
  }
}
