package dev.umzug.it.restore;

import dev.umzug.it.cluster.TestCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill of {@link K3sRestoreIT} on the test cluster, so that it runs on every build. */
class SameClusterDrillIT {

  @TempDir Path tmp;

  @Test
  @DisplayName("a namespace restores into a renamed one of the same cluster with server-side apply and verifies; a changed field then fails verify")
  void drill() throws Exception {
    try (TestCluster cluster = TestCluster.start()) {
      Path kubeconfig = cluster.access(tmp, "dr").kubeconfig().orElseThrow();
      SameClusterDrill.run(tmp, kubeconfig, "dr", cluster.client());
    }
  }
}
