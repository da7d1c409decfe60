package dev.umzug.providers.velero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.snapshot.LocalDirectoryStore;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.SourceItem;
import dev.umzug.providers.s3.S3Credentials;
import dev.umzug.providers.s3.S3ProxyServer;
import dev.umzug.providers.s3.S3SnapshotStore;
import io.minio.ListObjectsArgs;
import io.minio.UploadObjectArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Velero backup read straight from its bucket on an S3-compatible server, not from a local copy. */
class VeleroBackupInS3Test {

  @TempDir Path tmp;

  @Test
  @DisplayName("a backup in an S3 bucket under a prefix gives the same objects as its local copy, and nothing is written to the bucket")
  void readsFromBucket() throws Exception {
    Path local = tmp.resolve("bucket");
    VeleroBackupSourceTest.shop("Completed").prefix("velero/prod").writeTo(local);
    try (S3ProxyServer server = S3ProxyServer.start(null)) {
      server.createBucket("velero-backups");
      List<String> uploaded = new ArrayList<>();
      try (Stream<Path> files = Files.walk(local)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          String key = local.relativize(f).toString().replace('\\', '/');
          server.admin().uploadObject(UploadObjectArgs.builder().bucket("velero-backups").object(key)
              .filename(f.toString()).build());
          uploaded.add(key);
        }
      }
      List<SourceItem> fromS3 = new ArrayList<>();
      List<Finding> s3Findings = new ArrayList<>();
      try (S3SnapshotStore store = S3SnapshotStore.builder().endpoint(server.endpoint()).bucket("velero-backups")
          .region("us-east-1").pathStyle(true).credentials(S3Credentials.fromEnvironment())
          .environment(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
              "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY)).open()) {
        VeleroBackupSource.open(store, "velero/prod", "nightly").read(fromS3::add, s3Findings::add);
      }
      List<SourceItem> fromCopy = new ArrayList<>();
      List<Finding> copyFindings = new ArrayList<>();
      VeleroBackupSource.open(LocalDirectoryStore.open(local), "velero/prod", "nightly")
          .read(fromCopy::add, copyFindings::add);

      assertThat(fromS3).isNotEmpty().extracting(SourceItem::location)
          .isEqualTo(fromCopy.stream().map(SourceItem::location).toList());
      assertThat(fromS3).extracting(i -> i.object().toString())
          .isEqualTo(fromCopy.stream().map(i -> i.object().toString()).toList());
      assertThat(s3Findings).extracting(Finding::message)
          .isEqualTo(copyFindings.stream().map(Finding::message).toList());
      List<String> after = new ArrayList<>();
      server.admin().listObjects(ListObjectsArgs.builder().bucket("velero-backups").recursive(true).build())
          .forEach(r -> {
            try {
              after.add(r.get().objectName());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      assertThat(after).containsExactlyInAnyOrderElementsOf(uploaded);
    }
  }
}
