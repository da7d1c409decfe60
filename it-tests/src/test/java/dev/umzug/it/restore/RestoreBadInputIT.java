package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.it.restore.Drill.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator gets wrong and what a target refuses: each gets its own exit code and a clear
 * message, and nothing is half-applied without a journal entry saying so.
 */
class RestoreBadInputIT {

  @TempDir Path tmp;
  Drill drill;

  @BeforeEach
  void setUp() throws Exception {
    drill = new Drill(tmp, "conflictPolicy: fail");
    drill.snapshot("s1");
  }

  @AfterEach
  void tearDown() {
    drill.close();
  }

  @Test
  @DisplayName("a snapshot signed with another key than the trusted one is refused with exit 6 before anything is written")
  void foreignSignature() {
    Run other = Drill.umzug("keys", "generate", "--out", tmp.resolve("other").toString());
    assertThat(other.code()).isZero();
    Run restore = Drill.umzug("restore", "-f", drill.plan.toString(), "--snapshot", "s1", "--public-key",
        tmp.resolve("other/signing-key.pub.pem").toString(), "--identity", drill.keys.resolve("age-identity.txt").toString(),
        "--journal", tmp.resolve("j").toString());
    assertThat(restore.code()).as(restore.err()).isEqualTo(6);
    assertThat(restore.err()).contains("signature").doesNotContain("\tat ");
    assertThat(drill.targetWrites()).isEmpty();
  }

  @Test
  @DisplayName("a snapshot with an item removed from the store is refused with exit 6, naming the item")
  void missingItem() throws IOException {
    Path item;
    try (Stream<Path> files = Files.walk(drill.store)) {
      item = files.filter(p -> p.toString().contains("web-config")).findFirst().orElseThrow();
    }
    Files.delete(item);
    Run restore = drill.restore("s1");
    assertThat(restore.code()).as(restore.err()).isEqualTo(6);
    assertThat(restore.err()).contains("web-config");
    assertThat(drill.targetWrites()).isEmpty();
  }

  @Test
  @DisplayName("a target without the mapped storage class blocks the restore with exit 3 and nothing written")
  void missingStorageClass() {
    drill.target.client().storage().v1().storageClasses().withName("ionos-enterprise-ssd").delete();
    int writes = drill.target.writes().size();
    Run restore = drill.restore("s1");
    assertThat(restore.code()).as(restore.err() + restore.out()).isEqualTo(3);
    assertThat(restore.out()).contains("blocker", "StorageClass 'ionos-enterprise-ssd' does not exist",
        "StatefulSet.apps shop/postgres", "nothing was applied");
    assertThat(drill.target.writes()).hasSize(writes);
  }

  @Test
  @DisplayName("a namespace stuck terminating on the target blocks the restore with exit 3, saying why")
  void terminatingNamespace() {
    drill.target.terminate("shop");
    int writes = drill.target.writes().size();
    Run restore = drill.restore("s1", "--conflict-policy", "update");
    assertThat(restore.code()).as(restore.err() + restore.out()).isEqualTo(3);
    assertThat(restore.out()).contains("namespace shop is being deleted on the target (Terminating)");
    assertThat(drill.target.writes()).hasSize(writes);
  }

  @Test
  @DisplayName("an object an admission webhook rejects fails with the webhook's reason and a journal entry; a rerun after the fix completes")
  void admissionWebhookRejects() throws IOException {
    drill.target.deny("Deployment shop/web", "image signature for web:1.4.2 not found");
    Run restore = drill.restore("s1", "-o", "json");
    assertThat(restore.code()).as(restore.err() + restore.out()).isEqualTo(5);
    assertThat(restore.out()).contains("\"outcome\" : \"failed\"", "admission webhook",
        "denied the request: image signature");
    String journal = RestoreVerifyIT.journal(tmp, "s1");
    assertThat(journal.lines().filter(l -> l.contains("\"web\"") && l.contains("Deployment")))
        .anyMatch(l -> l.contains("FAILED"));
    assertThat(drill.target.client().apps().deployments().inNamespace("shop").withName("api").get()).isNotNull();

    drill.target.deny("Deployment shop/web", null);
    Run again = drill.restore("s1", "-o", "json");
    assertThat(again.code()).as(again.err() + again.out()).isZero();
    assertThat(again.json().path("counts").path("created").asInt()).isPositive();
    assertThat(drill.verify("s1").code()).isZero();
  }

  @Test
  @DisplayName("an unreachable target exits 4 with one line naming the context")
  void unreachableTarget() throws IOException {
    drill.targetVia("http://127.0.0.1:1/");
    Run restore = drill.restore("s1");
    assertThat(restore.code()).as(restore.err()).isEqualTo(4);
    assertThat(restore.err().strip().lines()).hasSize(1);
    assertThat(restore.err()).contains("ionos-fra").contains("connection refused");
    Run verify = drill.verify("s1");
    assertThat(verify.code()).as(verify.err()).isEqualTo(4);
  }

  @Test
  @DisplayName("credentials the target rejects exit 4 and say they may have expired, without the token")
  void expiredCredentials() {
    drill.target.rejectCredentials();
    Run restore = drill.restore("s1");
    assertThat(restore.code()).as(restore.err()).isEqualTo(4);
    assertThat(restore.err()).contains("401", "expired").doesNotContain("not-a-real-token");
  }

  @Test
  @DisplayName("an identity that is not a recipient of the snapshot is a clear error, and no Secret is applied")
  void wrongIdentity() {
    Run other = Drill.umzug("keys", "generate", "--out", tmp.resolve("other").toString());
    assertThat(other.code()).isZero();
    Run restore = Drill.umzug("restore", "-f", drill.plan.toString(), "--snapshot", "s1", "--public-key",
        drill.keys.resolve("signing-key.pub.pem").toString(), "--identity", tmp.resolve("other/age-identity.txt").toString(),
        "--journal", tmp.resolve("j").toString());
    assertThat(restore.code()).as(restore.err()).isNotZero().isNotEqualTo(1);
    assertThat(restore.err()).contains("identity").doesNotContain("\tat ");
    assertThat(drill.targetWrites()).isEmpty();
  }

  @Test
  @DisplayName("a plan whose target is an output directory is refused by restore with exit 3 naming the field")
  void targetWithoutCluster() throws IOException {
    Path plan = tmp.resolve("dir-plan.yaml");
    String text = Files.readString(drill.plan);
    int from = text.indexOf("  target:");
    int to = text.indexOf("  namespaces:");
    Files.writeString(plan, text.substring(0, from) + "  target:\n    provider: ionos\n    output: {path: out}\n"
        + text.substring(to));
    Run restore = Drill.umzug("restore", "-f", plan.toString(), "--snapshot", "s1", "--public-key",
        drill.keys.resolve("signing-key.pub.pem").toString());
    assertThat(restore.code()).as(restore.err()).isEqualTo(3);
    assertThat(restore.err()).contains("spec.target", "restore needs a cluster");
  }
}
