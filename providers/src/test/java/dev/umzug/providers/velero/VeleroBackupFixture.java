package dev.umzug.providers.velero;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds a Velero backup in the layout Velero writes to a bucket (velero-facts.md, section 2), on
 * local disk: {@code <dir>/<prefix>/backups/<b>/velero-backup.json}, {@code <b>.tar.gz} and {@code
 * <b>-resource-list.json.gz}. Objects added with {@link #object} are written as Velero does, once
 * under the legacy path and once under {@code <version>-preferredversion}, and listed in the
 * resource list.
 */
final class VeleroBackupFixture {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Kinds whose objects have no namespace, for the fixtures' objects. */
  private static final Set<String> CLUSTER_KINDS =
      Set.of("Namespace", "StorageClass", "PersistentVolume", "CustomResourceDefinition", "Node",
          "ClusterRole", "ClusterRoleBinding", "CSINode", "VolumeAttachment");

  private final String name;
  private String prefix = "";
  private String phase = "Completed";
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final Map<String, List<String>> resourceList = new LinkedHashMap<>();

  private VeleroBackupFixture(String name) {
    this.name = name;
    entries.put("metadata/version", "1.1.0\n".getBytes(StandardCharsets.UTF_8));
  }

  static VeleroBackupFixture backup(String name) {
    return new VeleroBackupFixture(name);
  }

  VeleroBackupFixture prefix(String value) {
    this.prefix = value;
    return this;
  }

  VeleroBackupFixture phase(String value) {
    this.phase = value;
    return this;
  }

  /** As Velero writes it: legacy path, then the preferred-version copy; and in the resource list. */
  VeleroBackupFixture object(ObjectNode object) {
    String version = versionOf(object);
    entry(path(object, null), object);
    entry(path(object, version + "-preferredversion"), object);
    return listed(object);
  }

  /** Only under the legacy path, as Velero wrote before it had preferred-version directories. */
  VeleroBackupFixture legacyOnly(ObjectNode object) {
    entry(path(object, null), object);
    return listed(object);
  }

  /** Both copies, with different content, to see which one is read. */
  VeleroBackupFixture objectWithDifferentCopies(ObjectNode legacy, ObjectNode preferred) {
    entry(path(legacy, null), legacy);
    entry(path(preferred, versionOf(preferred) + "-preferredversion"), preferred);
    return listed(preferred);
  }

  /** A copy in a version that is not the preferred one (Velero's EnableAPIGroupVersions). */
  VeleroBackupFixture otherVersion(ObjectNode object) {
    entry(path(object, versionOf(object)), object);
    return this;
  }

  /** Any entry, as raw bytes. */
  VeleroBackupFixture entry(String path, byte[] bytes) {
    entries.put(path, bytes);
    return this;
  }

  VeleroBackupFixture entry(String path, ObjectNode object) {
    try {
      return entry(path, JSON.writeValueAsBytes(object));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** In the resource list only: Velero says it backed the object up, the tarball lacks it. */
  VeleroBackupFixture listedOnly(String type, String item) {
    resourceList.computeIfAbsent(type, k -> new ArrayList<>()).add(item);
    return this;
  }

  private VeleroBackupFixture listed(ObjectNode object) {
    String namespace = object.path("metadata").path("namespace").asText(null);
    String objectName = object.path("metadata").path("name").asText();
    return listedOnly(
        object.path("apiVersion").asText() + "/" + object.path("kind").asText(),
        namespace == null ? objectName : namespace + "/" + objectName);
  }

  /** Writes the backup under {@code bucket} and returns the backup's directory. */
  Path writeTo(Path bucket) throws IOException {
    Path dir = (prefix.isEmpty() ? bucket : bucket.resolve(prefix)).resolve("backups").resolve(name);
    Files.createDirectories(dir);
    Files.write(dir.resolve("velero-backup.json"), JSON.writeValueAsBytes(backupDocument()));
    try (OutputStream file = Files.newOutputStream(dir.resolve(name + ".tar.gz"));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + "-resource-list.json.gz")))) {
      out.write(JSON.writeValueAsBytes(resourceList));
    }
    return dir;
  }

  private ObjectNode backupDocument() {
    ObjectNode backup = JSON.createObjectNode();
    backup.put("apiVersion", "velero.io/v1");
    backup.put("kind", "Backup");
    backup.putObject("metadata").put("name", name).put("namespace", "velero")
        .put("creationTimestamp", "2026-05-01T02:00:00Z");
    ObjectNode spec = backup.putObject("spec");
    spec.putArray("includedNamespaces").add("*");
    spec.put("storageLocation", "default").put("ttl", "720h0m0s").put("defaultVolumesToFsBackup", true)
        .put("snapshotVolumes", false);
    spec.putObject("labelSelector").putObject("matchLabels").put("app.kubernetes.io/part-of", "shop");
    // a field our OpenAPI document does not describe: readers must ignore it
    spec.putObject("uploaderConfig").put("parallelFilesUpload", 4);
    ObjectNode status = backup.putObject("status");
    status.put("version", 1).put("formatVersion", "1.1.0").put("phase", phase)
        .put("startTimestamp", "2026-05-01T02:00:00Z").put("completionTimestamp", "2026-05-01T02:03:10Z")
        .put("expiration", "2026-05-31T02:00:00Z")
        .put("errors", phase.equals("PartiallyFailed") ? 2 : 0).put("warnings", 1);
    if (phase.equals("Failed")) {
      status.put("failureReason", "found a backup with status \"InProgress\" during the server starting");
    }
    status.putObject("progress").put("totalItems", entries.size()).put("itemsBackedUp", entries.size());
    return backup;
  }

  // ---- objects ----

  static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode o = JSON.createObjectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    ObjectNode metadata = o.putObject("metadata");
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    // what a live object carries and a manifest does not
    metadata.put("uid", "0b9c7d2e-" + name.length() + "-4e1c-9a5e-2f7f1b7c1d" + kind.length());
    metadata.put("resourceVersion", "4711");
    metadata.put("creationTimestamp", "2026-04-01T10:00:00Z");
    return o;
  }

  /** Where Velero puts an object: {@code resources/<gr>[/<dir>]/namespaces/<ns>/<name>.json}. */
  static String path(ObjectNode object, String versionDir) {
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String gr = plural(kind) + (group.isEmpty() ? "" : "." + group);
    String namespace = object.path("metadata").path("namespace").asText(null);
    if (namespace == null && !CLUSTER_KINDS.contains(kind)) {
      throw new IllegalArgumentException(kind + " without a namespace");
    }
    String scope = namespace == null ? "cluster" : "namespaces/" + namespace;
    return "resources/" + gr + (versionDir == null ? "" : "/" + versionDir) + "/" + scope + "/"
        + object.path("metadata").path("name").asText() + ".json";
  }

  private static String versionOf(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    return apiVersion.substring(apiVersion.indexOf('/') + 1);
  }

  private static String plural(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s")) {
      return lower + "es";
    }
    if (lower.endsWith("y")) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }
}
