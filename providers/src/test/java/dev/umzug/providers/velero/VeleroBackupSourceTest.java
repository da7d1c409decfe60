package dev.umzug.providers.velero;

import static dev.umzug.providers.velero.VeleroBackupFixture.backup;
import static dev.umzug.providers.velero.VeleroBackupFixture.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.snapshot.LocalDirectoryStore;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.SnapshotStore.PutMode;
import dev.umzug.engine.spi.SourceItem;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.velero.client.model.Backup;
import dev.umzug.velero.client.model.BackupPhase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VeleroBackupSourceTest {

  @TempDir Path bucket;

  /** The shop backup: what a real Velero backup of a small application holds. */
  static VeleroBackupFixture shop(String phase) {
    ObjectNode namespace = object("v1", "Namespace", null, "shop");
    ObjectNode legacyWeb = object("apps/v1", "Deployment", "shop", "web");
    legacyWeb.withObject("/metadata/labels").put("copy", "legacy");
    ObjectNode preferredWeb = object("apps/v1", "Deployment", "shop", "web");
    preferredWeb.withObject("/metadata/labels").put("copy", "preferred");
    ObjectNode config = object("v1", "ConfigMap", "shop", "web-config");
    config.withObject("/data").put("LOG_LEVEL", "info");
    ObjectNode crd = object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com");
    crd.withObject("/spec").put("group", "example.com").put("scope", "Namespaced");
    ObjectNode widget = object("example.com/v1", "Widget", "shop", "w1");
    widget.withObject("/spec").put("size", 3);
    ObjectNode oldWidget = object("example.com/v1beta1", "Widget", "shop", "w1");
    ObjectNode pv = object("v1", "PersistentVolume", null, "pvc-3f1a");
    pv.withObject("/spec/csi").put("driver", "ebs.csi.aws.com").put("volumeHandle", "vol-0abc");
    ObjectNode pvc = object("v1", "PersistentVolumeClaim", "shop", "data-postgres-0");
    pvc.withObject("/spec").put("storageClassName", "gp3").put("volumeName", "pvc-3f1a");
    return backup("nightly")
        .phase(phase)
        .object(namespace)
        .objectWithDifferentCopies(legacyWeb, preferredWeb)
        .legacyOnly(config)
        .object(crd)
        .object(widget)
        .otherVersion(oldWidget)
        .object(pv)
        .object(pvc)
        // never restored by Velero, never converted by umzug
        .object(object("v1", "Event", "shop", "web.17a2b3c4d5e6f708"))
        .object(object("v1", "Node", null, "ip-10-0-1-17.eu-central-1.compute.internal"))
        .object(object("velero.io/v1", "Backup", "velero", "nightly"))
        // Velero says it backed this up; the tarball lacks it
        .listedOnly("v1/Secret", "shop/db-password");
  }

  final List<SourceItem> items = new ArrayList<>();
  final List<Finding> findings = new ArrayList<>();

  void read(VeleroBackupSource source) throws IOException {
    source.read(items::add, findings::add);
  }

  List<String> locations() {
    return items.stream().map(SourceItem::location).toList();
  }

  @Nested
  @DisplayName("a completed backup")
  class Completed {

    @BeforeEach
    void write() throws IOException {
      shop("Completed").writeTo(bucket);
    }

    @Test
    @DisplayName("gives every object once, in tarball order, from its preferred-version copy when it has one")
    void objectsOnceEach() throws IOException {
      read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

      assertThat(locations()).containsExactly(
          "velero:nightly/resources/namespaces/v1-preferredversion/cluster/shop.json",
          "velero:nightly/resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json",
          "velero:nightly/resources/configmaps/namespaces/shop/web-config.json",
          "velero:nightly/resources/customresourcedefinitions.apiextensions.k8s.io/v1-preferredversion/cluster/widgets.example.com.json",
          "velero:nightly/resources/widgets.example.com/v1-preferredversion/namespaces/shop/w1.json",
          "velero:nightly/resources/persistentvolumes/v1-preferredversion/cluster/pvc-3f1a.json",
          "velero:nightly/resources/persistentvolumeclaims/v1-preferredversion/namespaces/shop/data-postgres-0.json");
      assertThat(items.get(1).object().at("/metadata/labels/copy").asText()).isEqualTo("preferred");
      assertThat(items.get(4).object().at("/apiVersion").asText())
          .as("the v1beta1 copy of the custom resource is ignored")
          .isEqualTo("example.com/v1");
      assertThat(items.get(5).object().at("/spec/csi/volumeHandle").asText()).isEqualTo("vol-0abc");
    }

    @Test
    @DisplayName("skips nodes, events and Velero's own objects with one informational finding per resource")
    void nonRestorablesSkipped() throws IOException {
      read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

      assertThat(findings).filteredOn(f -> f.severity() == Severity.INFO)
          .extracting(Finding::location, Finding::message)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("velero:nightly/resources/backups.velero.io/",
                  "skipped 1 backups.velero.io object: Velero's own objects (backups, restores, schedules,"
                      + " repositories) stay with the source cluster's Velero"),
              org.assertj.core.groups.Tuple.tuple("velero:nightly/resources/events/",
                  "skipped 1 events object: events are a record of the source cluster, not state to move"),
              org.assertj.core.groups.Tuple.tuple("velero:nightly/resources/nodes/",
                  "skipped 1 nodes object: nodes belong to the source cluster; the target has its own"));
      assertThat(findings).allMatch(f -> f.ruleId().equals(VeleroBackupSource.RULE_ID));
    }

    @Test
    @DisplayName("warns about each object the resource list names and the tarball lacks, and only those")
    void resourceListCrossCheck() throws IOException {
      read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

      assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
          .singleElement()
          .satisfies(f -> {
            assertThat(f.resource()).isEqualTo(new ResourceRef("", "Secret", "shop", "db-password"));
            assertThat(f.location()).isEqualTo("velero:nightly/nightly-resource-list.json.gz");
            assertThat(f.message()).contains("not in its tarball");
          });
    }

    @Test
    @DisplayName("reads velero-backup.json into the generated model, ignoring fields it does not describe")
    void backupModel() throws IOException {
      Backup backup = VeleroBackupSource.openDirectory(bucket, "", "nightly").backup();

      assertThat(backup.getMetadata().getName()).isEqualTo("nightly");
      assertThat(backup.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
      assertThat(backup.getStatus().getFormatVersion()).isEqualTo("1.1.0");
      assertThat(backup.getSpec().getTtl()).isEqualTo("720h0m0s");
      assertThat(backup.getSpec().getDefaultVolumesToFsBackup()).isTrue();
      assertThat(backup.getSpec().getLabelSelector().getMatchLabels())
          .containsEntry("app.kubernetes.io/part-of", "shop");
      assertThat(backup.getStatus().getCompletionTimestamp()).isNotNull();
    }

    @Test
    @DisplayName("gives the same objects in the same order on every read")
    void repeatable() throws IOException {
      VeleroBackupSource source = VeleroBackupSource.openDirectory(bucket, "", "nightly");
      read(source);
      List<SourceItem> first = List.copyOf(items);
      items.clear();
      read(source);

      assertThat(items).isEqualTo(first);
    }

    @Test
    @DisplayName("reads through any store, here the engine's local store, under a prefix")
    void anyStoreWithPrefix() throws IOException {
      Path other = bucket.resolve("other-bucket");
      shop("Completed").prefix("clusters/prod").writeTo(other);

      read(VeleroBackupSource.open(LocalDirectoryStore.open(other), "/clusters/prod/", "nightly"));

      assertThat(items).hasSize(7);
    }
  }

  @Test
  @DisplayName("a partially failed backup is read, with a warning that says so")
  void partiallyFailed() throws IOException {
    shop("PartiallyFailed").writeTo(bucket);

    read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

    assertThat(items).hasSize(7);
    assertThat(findings).filteredOn(f -> f.location().endsWith("velero-backup.json"))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.message()).startsWith("the backup partially failed (2 errors, 1 warnings)");
        });
  }

  @ParameterizedTest(name = "a backup in phase {0} is refused before anything is read")
  @ValueSource(strings = {"Failed", "InProgress", "FailedValidation", "Deleting", "SomethingNew"})
  void unfinishedOrFailedRefused(String phase) throws IOException {
    shop(phase).writeTo(bucket);
    VeleroBackupSource source = VeleroBackupSource.openDirectory(bucket, "", "nightly");

    assertThatThrownBy(() -> read(source))
        .isInstanceOf(VeleroBackupException.class)
        .hasMessageStartingWith("Velero backup 'nightly' is in ")
        .hasMessageContaining(phase.equals("SomethingNew") ? "a phase this umzug does not know" : "phase " + phase)
        .hasMessageEndingWith("only Completed or PartiallyFailed backups can be read");
    assertThat(items).isEmpty();
  }

  @Test
  @DisplayName("a failed backup's failure reason is part of the error")
  void failureReasonShown() throws IOException {
    shop("Failed").writeTo(bucket);

    assertThatThrownBy(() -> read(VeleroBackupSource.openDirectory(bucket, "", "nightly")))
        .hasMessageContaining("failure reason: found a backup with status \"InProgress\"");
  }

  @Nested
  @DisplayName("a damaged or incomplete backup")
  class Damaged {

    Path dir;

    @BeforeEach
    void write() throws IOException {
      dir = shop("Completed").writeTo(bucket);
    }

    @Test
    @DisplayName("an unknown backup name is an error naming the missing velero-backup.json")
    void unknownBackup() throws IOException {
      assertThatThrownBy(() -> read(VeleroBackupSource.openDirectory(bucket, "", "weekly")))
          .isInstanceOf(VeleroBackupException.class)
          .hasMessageStartingWith("no Velero backup 'weekly': backups/weekly/velero-backup.json not found in bucket directory");
    }

    @Test
    @DisplayName("a missing tarball is an error naming it")
    void missingTarball() throws IOException {
      Files.delete(dir.resolve("nightly.tar.gz"));

      assertThatThrownBy(() -> read(VeleroBackupSource.openDirectory(bucket, "", "nightly")))
          .isInstanceOf(VeleroBackupException.class)
          .hasMessageStartingWith("backup 'nightly' has no resource tarball: backups/nightly/nightly.tar.gz not found");
    }

    @Test
    @DisplayName("a tarball that is not gzip is an error naming the file, and no object is given")
    void notGzip() throws IOException {
      Files.writeString(dir.resolve("nightly.tar.gz"), "<Error><Code>AccessDenied</Code></Error>");

      assertThatThrownBy(() -> read(VeleroBackupSource.openDirectory(bucket, "", "nightly")))
          .isInstanceOf(VeleroBackupException.class)
          .hasMessageStartingWith("backups/nightly/nightly.tar.gz is not a readable gzip-compressed tar archive: ZipException");
      assertThat(items).isEmpty();
    }

    @Test
    @DisplayName("a truncated tarball is an error naming the file, found before any object is given")
    void truncated() throws IOException {
      Path tarball = dir.resolve("nightly.tar.gz");
      byte[] bytes = Files.readAllBytes(tarball);
      Files.write(tarball, Arrays.copyOf(bytes, bytes.length * 2 / 3));

      assertThatThrownBy(() -> read(VeleroBackupSource.openDirectory(bucket, "", "nightly")))
          .isInstanceOf(VeleroBackupException.class)
          .hasMessageStartingWith("backups/nightly/nightly.tar.gz is not a readable gzip-compressed tar archive");
      assertThat(items).isEmpty();
    }

    @Test
    @DisplayName("velero-backup.json that is not JSON is an error naming it")
    void backupDocumentNotJson() throws IOException {
      Files.writeString(dir.resolve("velero-backup.json"), "{\"kind\": \"Backup\", ");

      assertThatThrownBy(() -> read(VeleroBackupSource.openDirectory(bucket, "", "nightly")))
          .isInstanceOf(VeleroBackupException.class)
          .hasMessageStartingWith("backups/nightly/velero-backup.json is not valid JSON");
    }

    @Test
    @DisplayName("a missing resource list is a warning; the objects are still read")
    void missingResourceList() throws IOException {
      Files.delete(dir.resolve("nightly-resource-list.json.gz"));

      read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

      assertThat(items).hasSize(7);
      assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
          .extracting(Finding::message)
          .containsExactly("the backup has no resource list; the tarball could not be cross-checked");
    }
  }

  @Test
  @DisplayName("an entry that is not a Kubernetes object is an error finding for that entry; the others are read")
  void badEntry() throws IOException {
    shop("Completed")
        .entry("resources/configmaps/namespaces/shop/broken.json", "{\"kind\":".getBytes(StandardCharsets.UTF_8))
        .listedOnly("v1/ConfigMap", "shop/broken")
        .writeTo(bucket);

    read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

    assertThat(items).hasSize(7);
    assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.location()).isEqualTo("velero:nightly/resources/configmaps/namespaces/shop/broken.json");
          assertThat(f.message()).isEqualTo("not a Kubernetes object in JSON (configmaps broken); not converted");
        });
    assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
        .as("the broken entry is reported once, not also as missing from the tarball")
        .extracting(Finding::resource)
        .containsExactly(new ResourceRef("", "Secret", "shop", "db-password"));
  }

  @Nested
  @DisplayName("the bucket is never written")
  class ReadOnly {

    @Test
    @DisplayName("the read-only view refuses put and delete and leaves the store as it was")
    void readOnlyView() throws IOException {
      Path dir = shop("Completed").writeTo(bucket);
      SnapshotStore local = LocalDirectoryStore.open(bucket);
      SnapshotStore view = ReadOnlyStore.of(local);
      StoreKey document = new StoreKey("backups/nightly/velero-backup.json");
      byte[] before = Files.readAllBytes(dir.resolve("velero-backup.json"));

      assertThatThrownBy(() -> view.put(document, PutMode.REPLACE, out -> out.write('x')))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("umzug never writes into a Velero backup location");
      assertThatThrownBy(() -> view.put(new StoreKey("snapshots/s1/x"), PutMode.CREATE, OutputStream::flush))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> view.delete(document)).isInstanceOf(AccessDeniedException.class);

      assertThat(Files.readAllBytes(dir.resolve("velero-backup.json"))).isEqualTo(before);
      assertThat(local.list(new StoreKey("snapshots"))).isEmpty();
      assertThat(ReadOnlyStore.of(view)).isSameAs(view);
      assertThat(view.get(document)).isNotNull().satisfies(java.io.InputStream::close);
    }

    @Test
    @DisplayName("a bucket directory opened for a backup cannot be written either")
    void bucketDirectory() throws IOException {
      shop("Completed").writeTo(bucket);
      SnapshotStore store = BucketDirectory.open(bucket);

      assertThatThrownBy(() -> store.put(new StoreKey("backups/x"), PutMode.CREATE, OutputStream::flush))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> store.delete(new StoreKey("backups/nightly/nightly.tar.gz")))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(store.children(new StoreKey("backups"))).containsExactly("nightly");
      assertThat(store.list(new StoreKey("backups/nightly"))).extracting(o -> o.key().name())
          .containsExactly("nightly-resource-list.json.gz", "nightly.tar.gz", "velero-backup.json");
    }
  }

  @Test
  @DisplayName("a resource list that is not gzip is a warning, not a failure")
  void resourceListNotGzip() throws IOException {
    Path dir = shop("Completed").writeTo(bucket);
    try (OutputStream out = Files.newOutputStream(dir.resolve("nightly-resource-list.json.gz"))) {
      out.write("not gzip".getBytes(StandardCharsets.UTF_8));
    }

    read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

    assertThat(items).hasSize(7);
    assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
        .extracting(Finding::message)
        .singleElement().asString().startsWith("the resource list cannot be read (ZipException");
  }

  @Test
  @DisplayName("a resource list that is gzip but not Velero's map is a warning naming what is wrong")
  void resourceListWrongShape() throws IOException {
    Path dir = shop("Completed").writeTo(bucket);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("nightly-resource-list.json.gz")))) {
      out.write("{\"v1/Pod\": 3}".getBytes(StandardCharsets.UTF_8));
    }

    read(VeleroBackupSource.openDirectory(bucket, "", "nightly"));

    assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
        .extracting(Finding::message)
        .singleElement().asString().contains("the value of 'v1/Pod' is not a list");
  }
}
