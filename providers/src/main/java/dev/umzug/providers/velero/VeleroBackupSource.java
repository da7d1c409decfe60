package dev.umzug.providers.velero;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.SourceItem;
import dev.umzug.velero.client.ApiClient;
import dev.umzug.velero.client.model.Backup;
import dev.umzug.velero.client.model.BackupPhase;
import dev.umzug.velero.client.model.BackupStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The objects of a Velero backup, read straight from its backup storage location without Velero.
 *
 * <p>What is read, from {@code <prefix>/backups/<b>/} in a store that is only ever read (see {@link
 * ReadOnlyStore}):
 *
 * <ol>
 *   <li>{@code velero-backup.json}, into the generated {@link Backup} model. A backup whose phase is
 *       neither {@code Completed} nor {@code PartiallyFailed} is refused: its files are incomplete
 *       or missing. {@code PartiallyFailed} is a warning.
 *   <li>{@code <b>.tar.gz}, streamed twice, entry by entry, never extracted and never held whole.
 *       The first pass reads only entry names and decides, per object, which copy to read: the
 *       {@code <version>-preferredversion} directory when the object has one, else the legacy path
 *       (backups made before Velero wrote preferred-version directories). Copies in other versions
 *       (Velero's {@code EnableAPIGroupVersions}) are ignored. The second pass parses and emits
 *       each chosen copy, so every object appears exactly once. Because the whole archive is read
 *       in the first pass, a damaged archive fails before any object is emitted.
 *   <li>{@code <b>-resource-list.json.gz}, to report objects Velero listed but the tarball lacks.
 * </ol>
 *
 * <p>Objects come in the order of the tarball, which Velero fixed when it wrote the backup; every
 * call to {@link #read} gives the same order. Memory holds the names of the backup's objects, never
 * their content beyond the one being read. Resources that are never restored (nodes, events, CSI
 * node and attachment objects, Velero's own) are skipped with one informational finding each.
 */
public final class VeleroBackupSource implements ObjectSource {

  /** Rule id of the findings about the backup. */
  public static final String RULE_ID = "source/read-velero-backup";

  /** A Kubernetes object is at most about 1.5 MiB; anything much larger is not one. */
  static final long MAX_OBJECT_BYTES = 32L * 1024 * 1024;

  private static final String VERSION_ENTRY = "metadata/version";
  private static final Set<BackupPhase> READABLE = Set.of(BackupPhase.COMPLETED, BackupPhase.PARTIALLY_FAILED);

  private final SnapshotStore store;
  private final VeleroBucketLayout layout;
  private final ObjectMapper mapper;

  private VeleroBackupSource(SnapshotStore store, VeleroBucketLayout layout) {
    this.store = ReadOnlyStore.of(store);
    this.layout = layout;
    this.mapper = ApiClient.createDefaultObjectMapper();
    this.mapper.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
  }

  /**
   * A backup in any store that holds a bucket's keys (a local directory, an S3 bucket). The store
   * is wrapped so that it can only be read.
   *
   * @param bucket the store whose keys are the bucket's keys
   * @param prefix the backup storage location's prefix; empty or null for none
   * @param backup the Backup's name
   */
  public static VeleroBackupSource open(SnapshotStore bucket, String prefix, String backup) {
    Objects.requireNonNull(bucket, "bucket");
    return new VeleroBackupSource(bucket, new VeleroBucketLayout(prefix, backup));
  }

  /**
   * A backup in a copy of the bucket on local disk (e.g. from {@code aws s3 sync s3://bucket DIR}):
   * {@code DIR/<prefix>/backups/<backup>/...}. The fields match the plan's {@code veleroBackup}.
   *
   * @throws IOException when the directory does not exist or is not a directory
   */
  public static VeleroBackupSource openDirectory(Path bucketDirectory, String prefix, String backup)
      throws IOException {
    return open(BucketDirectory.open(bucketDirectory), prefix, backup);
  }

  @Override
  public String describe() {
    return "Velero backup " + layout.backup() + " in " + store.describe()
        + (layout.prefix().isEmpty() ? "" : " under " + layout.prefix());
  }

  /** The backup's name. */
  public String name() {
    return layout.backup();
  }

  /**
   * Reads {@code velero-backup.json}, whatever the backup's phase.
   *
   * @throws VeleroBackupException when the file is missing or is not a Backup
   */
  public Backup backup() throws IOException {
    JsonNode node;
    try (InputStream in = store.get(layout.backupDocument())) {
      node = mapper.readTree(in);
    } catch (NoSuchFileException e) {
      throw new VeleroBackupException(
          "no Velero backup '" + layout.backup() + "': " + layout.backupDocument() + " not found in "
              + store.describe(), e);
    } catch (JsonProcessingException e) {
      throw new VeleroBackupException(
          layout.backupDocument() + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new VeleroBackupException(layout.backupDocument() + " is not a JSON object");
    }
    String kind = node.path("kind").asText("");
    if (!kind.isEmpty() && !kind.equals("Backup")) {
      throw new VeleroBackupException(layout.backupDocument() + " holds a " + kind + ", not a Velero Backup");
    }
    try {
      return mapper.treeToValue(node, Backup.class);
    } catch (JsonProcessingException e) {
      throw new VeleroBackupException(
          layout.backupDocument() + " is not a Velero Backup: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void read(Consumer<SourceItem> items, Consumer<Finding> problems) throws IOException {
    checkPhase(backup(), problems);
    VeleroTarball tarball = new VeleroTarball(store, layout.tarball(), layout.backup());
    Index index = index(tarball, problems);
    ResourceListCheck listCheck = new ResourceListCheck();
    Map<String, Integer> skipped = new TreeMap<>();
    tarball.forEach((name, size, body) -> {
      VeleroTarPath path = VeleroTarPath.parse(name).orElse(null);
      if (path == null || !name.equals(index.chosen.get(path.object()))) {
        return;
      }
      if (NonRestorableResources.reason(path.groupResource()).isPresent()) {
        skipped.merge(path.groupResource(), 1, Integer::sum);
        return;
      }
      readObject(path, size, body, items, problems, listCheck);
    });
    skipped.forEach((gr, count) ->
        problems.accept(new Finding(
            Severity.INFO, RULE_ID, null, location("resources/" + gr + "/"),
            "skipped " + count + " " + gr + (count == 1 ? " object: " : " objects: ")
                + NonRestorableResources.reason(gr).orElseThrow(),
            "")));
    listCheck.check(store, layout.resourceList(), location(layout.resourceList().name()),
        layout.backup(), problems);
  }

  private void checkPhase(Backup backup, Consumer<Finding> problems) throws VeleroBackupException {
    BackupStatus status = backup.getStatus();
    BackupPhase phase = status == null ? null : status.getPhase();
    String where = location("velero-backup.json");
    if (phase == null || !READABLE.contains(phase)) {
      String shown = phase == null ? "no phase"
          : phase == BackupPhase.UNKNOWN_DEFAULT_OPEN_API ? "a phase this umzug does not know"
          : "phase " + phase.getValue();
      String why = status != null && status.getFailureReason() != null
          ? " (failure reason: " + status.getFailureReason().replaceAll("\\s+", " ") + ")" : "";
      throw new VeleroBackupException(
          "Velero backup '" + layout.backup() + "' is in " + shown + why
              + "; only Completed or PartiallyFailed backups can be read");
    }
    if (phase == BackupPhase.PARTIALLY_FAILED) {
      problems.accept(new Finding(
          Severity.WARNING, RULE_ID, null, where,
          "the backup partially failed (" + count(status.getErrors()) + " errors, "
              + count(status.getWarnings()) + " warnings); objects Velero could not back up are missing",
          "read 'velero backup describe " + layout.backup() + " --details' and 'velero backup logs "
              + layout.backup() + "'; the resource-list check below names the missing objects"));
    }
  }

  /** First pass: names only. Which copy of each object to read, and the archive's format version. */
  private Index index(VeleroTarball tarball, Consumer<Finding> problems) throws IOException {
    Index index = new Index();
    tarball.forEach((name, size, body) -> {
      if (name.equals(VERSION_ENTRY)) {
        String version = size <= 64 ? new String(body.readAll(), StandardCharsets.UTF_8).trim() : "?";
        if (!version.startsWith("1.")) {
          problems.accept(new Finding(
              Severity.WARNING, RULE_ID, null, location(name),
              "tarball format version '" + version + "' is not 1.x; its layout may differ from what umzug reads",
              "check the umzug release notes for Velero format " + version));
        }
        return;
      }
      VeleroTarPath path = VeleroTarPath.parse(name).orElse(null);
      if (path == null) {
        problems.accept(new Finding(
            Severity.INFO, RULE_ID, null, location(name), "not an object path of a Velero backup; ignored", ""));
      } else if (path.preferred()) {
        String before = index.chosen.get(path.object());
        if (before == null || !before.contains(VeleroTarPath.PREFERRED_SUFFIX + "/")) {
          index.chosen.put(path.object(), name);
        }
      } else if (!path.otherVersion()) {
        index.chosen.putIfAbsent(path.object(), name);
      }
    });
    return index;
  }

  private void readObject(
      VeleroTarPath path, long size, VeleroTarball.Body body, Consumer<SourceItem> items,
      Consumer<Finding> problems, ResourceListCheck listCheck) throws IOException {
    String location = location(path.path());
    if (size > MAX_OBJECT_BYTES) {
      listCheck.sawUnreadable(path.group(), path.namespace(), path.name());
      problems.accept(new Finding(
          Severity.ERROR, RULE_ID, null, location,
          "entry of " + size + " bytes is too large for a Kubernetes object; not read", ""));
      return;
    }
    byte[] bytes = body.readAll();
    JsonNode node;
    try {
      node = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (!(node instanceof ObjectNode object)
        || !object.path("kind").isTextual() || !object.path("metadata").path("name").isTextual()) {
      listCheck.sawUnreadable(path.group(), path.namespace(), path.name());
      problems.accept(new Finding(
          Severity.ERROR, RULE_ID, null, location,
          "not a Kubernetes object in JSON (" + path.groupResource() + " " + path.name() + "); not converted",
          "check the backup's tarball; back the object up again"));
      return;
    }
    JsonNode metadata = object.path("metadata");
    listCheck.saw(
        ResourceRef.groupOf(object.path("apiVersion").asText(null)), object.path("kind").asText(),
        metadata.path("namespace").asText(null), metadata.path("name").asText());
    items.accept(new SourceItem(object, location));
  }

  private String location(String tarPath) {
    return "velero:" + layout.backup() + "/" + tarPath;
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }

  /** The entry to read for each object: its preferred-version copy if it has one. */
  private static final class Index {
    final Map<VeleroTarPath.ObjectId, String> chosen = new HashMap<>();
  }
}
