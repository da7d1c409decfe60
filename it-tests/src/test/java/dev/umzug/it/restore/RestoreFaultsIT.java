package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.it.cluster.ResettingProxy;
import dev.umzug.it.restore.Drill.Run;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that throttles, fails, resets connections and answers slowly in the middle of a restore:
 * the restore retries with backoff, completes, verifies, and reports what it retried by cause.
 */
class RestoreFaultsIT {

  @TempDir Path tmp;
  Drill drill;
  ResettingProxy proxy;

  @BeforeEach
  void setUp() throws Exception {
    drill = new Drill(tmp, "conflictPolicy: update");
    drill.snapshot("s1");
    proxy = ResettingProxy.to(drill.target.url());
    drill.targetVia(proxy.url());
  }

  @AfterEach
  void tearDown() {
    proxy.close();
    drill.close();
  }

  @Test
  @DisplayName("throttling with Retry-After, server errors, resets after the write and slow answers are retried until the restore completes")
  void faultsAreRetried() {
    drill.target.failNext(2, "POST", "/configmaps", 429, "TooManyRequests", 1)
        .failNext(1, "POST", "/deployments", 500, "InternalError", 0)
        .failNext(1, "POST", "/services", 503, "ServiceUnavailable", 0)
        .failNext(2, "GET", "/statefulsets/postgres", 504, "Timeout", 0)
        .slowNext(2, "POST", "/secrets", Duration.ofMillis(400)); // the shop has two Secrets
    proxy.resetNextWrites(1, "/namespaces ").resetNextWrites(1, "/serviceaccounts ").resetNextWrites(1, "/ingresses ");

    Run restore = drill.restore("s1", "-o", "json");

    assertThat(restore.code()).as(restore.err() + restore.out()).isZero();
    assertThat(drill.target.faultsUsedUp()).as("every scripted fault was met: %s", drill.target.injected()).isTrue();
    assertThat(proxy.resets()).isEqualTo(3);
    JsonNode retries = restore.json().path("retries");
    assertThat(retries.path("HTTP 429 TooManyRequests").asInt()).isEqualTo(2);
    assertThat(retries.path("HTTP 500 InternalError").asInt()).isEqualTo(1);
    assertThat(retries.path("HTTP 503 ServiceUnavailable").asInt()).isEqualTo(1);
    assertThat(retries.path("HTTP 504 Timeout").asInt()).isEqualTo(2);
    assertThat(retries.path("connection reset").asInt()).as(retries.toString()).isEqualTo(3);
    // a reset after the write took effect: the retry meets the object and finds it as intended
    assertThat(restore.json().path("counts").path("unchanged").asInt()).as(restore.out()).isEqualTo(3);
    assertThat(restore.json().path("counts").path("failed").asInt()).isZero();
    Run verify = drill.verify("s1");
    assertThat(verify.code()).as(verify.out()).isZero();
  }

  @Test
  @DisplayName("a 409 Conflict on an update is read again and retried, and the object ends up as intended")
  void conflictOnUpdateIsRetried() {
    assertThat(drill.restore("s1").code()).isZero();
    drill.target.client().configMaps().inNamespace("shop").withName("web-config")
        .edit(cm -> { cm.getData().put(cm.getData().keySet().iterator().next(), "drifted"); return cm; });
    drill.target.failNext(2, "PUT", "/configmaps/web-config", 409, "Conflict", 0);

    Run restore = drill.restore("s1", "--restart", "-o", "json");

    assertThat(restore.code()).as(restore.err() + restore.out()).isZero();
    assertThat(restore.json().path("retries").path("HTTP 409 Conflict").asInt()).isEqualTo(2);
    assertThat(restore.json().path("counts").path("updated").asInt()).isEqualTo(1);
    assertThat(drill.verify("s1").code()).isZero();
  }
}
