package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.it.restore.Drill.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot from a source cluster, restore to a target cluster, verify: the drill end to end. */
class RestoreVerifyIT {

  @TempDir Path tmp;
  Drill drill;

  @BeforeEach
  void setUp() throws Exception {
    drill = new Drill(tmp, "conflictPolicy: update");
  }

  @AfterEach
  void tearDown() {
    drill.close();
  }

  @Test
  @DisplayName("the example shop restores to an empty target, rewritten for it, and verify proves it")
  void restoresAndVerifies() {
    drill.snapshot("s1");
    Run restore = drill.restore("s1");
    assertThat(restore.code()).as(restore.err() + restore.out()).isZero();
    var web = drill.target.client().apps().deployments().inNamespace("shop").withName("web").get();
    assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .startsWith("shop.cr.de-fra.ionos.com/");
    Run verify = drill.verify("s1", "-o", "json");
    assertThat(verify.code()).as(verify.err() + verify.out()).isZero();
    System.out.println(restore.out());
    System.out.println(verify.out());
  }
}
