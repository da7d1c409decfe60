package dev.umzug.providers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.spi.SnapshotStore.PutMode;
import dev.umzug.engine.spi.StoreKey;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same store against a real MinIO server; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("The S3 store, against MinIO in a container")
class S3SnapshotStoreMinioTest {

  @Container
  static final MinIOContainer MINIO = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");

  @BeforeAll
  static void bucket() throws Exception {
    MinioClient.builder().endpoint(MINIO.getS3URL()).credentials(MINIO.getUserName(), MINIO.getPassword()).build()
        .makeBucket(MakeBucketArgs.builder().bucket("umzug").build());
  }

  @Test
  @DisplayName("round-trips an object in parts and refuses a second conditional create")
  void roundTripAndCreate() throws Exception {
    try (S3SnapshotStore store = S3SnapshotStore.builder().endpoint(MINIO.getS3URL()).bucket("umzug").prefix("it")
        .region("us-east-1").pathStyle(true).credentials(S3Credentials.fromEnvironment())
        .environment(Map.of("AWS_ACCESS_KEY_ID", MINIO.getUserName(), "AWS_SECRET_ACCESS_KEY", MINIO.getPassword()))
        .partSize(S3SnapshotStore.MIN_PART_SIZE).open()) {
      StoreKey key = StoreKey.of("snapshots", "s1", "big.bin");
      store.put(key, PutMode.CREATE, out -> out.write(new byte[12 * 1024 * 1024]));
      assertThat(store.stat(key)).hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(12 * 1024 * 1024));
      assertThatThrownBy(() -> store.put(key, PutMode.CREATE, out -> out.write(1)))
          .isInstanceOf(FileAlreadyExistsException.class);
      store.put(new StoreKey("small"), PutMode.CREATE, out -> out.write("x".getBytes(StandardCharsets.UTF_8)));
      try (InputStream in = store.get(new StoreKey("small"))) {
        assertThat(in.readAllBytes()).containsExactly('x');
      }
      assertThat(store.children(new StoreKey("snapshots"))).containsExactly("s1");
    }
  }
}
