package dev.umzug.it.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.it.restore.Drill.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    drill.snapshot("s1");
  }

  @AfterEach
  void tearDown() {
    drill.close();
  }

  @Test
  @DisplayName("the example shop restores to an empty target in dependency order, rewritten for it, and verify proves it")
  void restoresAndVerifies() {
    Run restore = drill.restore("s1", "-o", "json");
    assertThat(restore.code()).as(restore.err() + restore.out()).isZero();
    JsonNode report = restore.json();
    assertThat(report.path("complete").asBoolean()).isTrue();
    var web = drill.target.client().apps().deployments().inNamespace("shop").withName("web").get();
    assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .startsWith("shop.cr.de-fra.ionos.com/");
    assertThat(drill.target.client().network().v1().ingresses().inNamespace("shop").withName("web").get()
        .getSpec().getIngressClassName()).isEqualTo("traefik");
    WriteOrder.assertThat(drill.target.writes())
        .appliedInOrder("/namespaces ", "/configmaps", "/deployments", "/ingresses")
        .appliedInOrder("/secrets", "/statefulsets")
        .appliedInOrder("/serviceaccounts", "/deployments");

    Run verify = drill.verify("s1", "-o", "json");
    assertThat(verify.code()).as(verify.err() + verify.out()).isZero();
    JsonNode evidence = verify.json();
    assertThat(evidence.path("passed").asBoolean()).isTrue();
    assertThat(evidence.path("counts").path("CONFIRMED").asInt()).isEqualTo(report.path("counts").path("created").asInt())
        .isGreaterThan(10);
    assertThat(verify.out()).doesNotContain("hunter", "c3VwZXI"); // no Secret values, plain or base64
  }

  @Test
  @DisplayName("the rewritten form of every applied object is recorded beside the journal, encrypted, with the digests the journal and verify use")
  void rewrittenFormIsRecorded() throws Exception {
    Run restore = drill.restore("s1", "-o", "json");
    assertThat(restore.code()).as(restore.err()).isZero();
    Path record = dev.umzug.engine.restore.apply.IntentRecord.beside(tmp.resolve("restore-s1.journal"));
    byte[] raw = Files.readAllBytes(record);
    assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("age-encryption.org/v1")
        .doesNotContain("Deployment");
    List<String> lines;
    try (var in = dev.umzug.engine.snapshot.AgeEncryption.decrypt(new java.io.ByteArrayInputStream(raw),
        dev.umzug.engine.snapshot.AgeIdentity.read(drill.keys.resolve("age-identity.txt")), "record")) {
      lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Map<String, String> recorded = new java.util.HashMap<>();
    for (String line : lines) {
      JsonNode n = json.readTree(line);
      assertThat(dev.umzug.engine.snapshot.CanonicalJson.sha256(n.path("object"))).isEqualTo(n.path("digest").asText());
      recorded.put(n.path("ref").path("kind").asText() + " " + n.path("ref").path("name").asText(), n.path("digest").asText());
    }
    for (JsonNode o : restore.json().path("objects")) {
      if (o.path("ref").path("kind").asText().equals("Secret")) {
        assertThat(o.path("digest").asText()).isEqualTo("withheld: Secret");
        continue;
      }
      assertThat(recorded).containsEntry(o.path("ref").path("kind").asText() + " " + o.path("ref").path("name").asText(),
          o.path("digest").asText());
    }
  }

  @Test
  @DisplayName("a field changed on the target after the restore fails verify with exit 6, naming the object and the field")
  void changedFieldFailsVerify() {
    assertThat(drill.restore("s1").code()).isZero();
    drill.target.client().configMaps().inNamespace("shop").withName("web-config")
        .edit(cm -> { cm.getData().put(cm.getData().keySet().iterator().next(), "tampered"); return cm; });

    Run verify = drill.verify("s1");
    assertThat(verify.code()).as(verify.err()).isEqualTo(6);
    assertThat(verify.out()).contains("mismatch", "ConfigMap shop/web-config", "/data/", "FAILED");
    assertThat(verify.out().lines().filter(l -> l.startsWith("mismatch"))).hasSize(1);
  }

  @Test
  @DisplayName("running the same restore again sends no writes and reports every object already applied")
  void rerunIsIdempotent() {
    Run first = drill.restore("s1", "-o", "json");
    assertThat(first.code()).isZero();
    int writes = drill.target.writes().size();

    Run again = drill.restore("s1", "-o", "json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(drill.target.writes()).hasSize(writes);
    assertThat(again.json().path("counts").path("already-applied").asInt())
        .isEqualTo(first.json().path("counts").path("created").asInt());
  }

  @Test
  @DisplayName("a dry run writes nothing, checks every object with the server and shows each changed field")
  void dryRunShowsDiffs() {
    assertThat(drill.restore("s1").code()).isZero();
    drill.target.client().configMaps().inNamespace("shop").withName("web-config")
        .edit(cm -> { cm.getData().put(cm.getData().keySet().iterator().next(), "staging"); return cm; });
    drill.target.client().apps().deployments().inNamespace("shop").withName("web").delete();
    int writes = drill.target.writes().size();

    Run dry = drill.restore("s1", "--dry-run", "--restart");
    assertThat(dry.code()).as(dry.err() + dry.out()).isZero();
    assertThat(dry.out()).contains("would-update", "ConfigMap shop/web-config", "~ /data/", "actual \"staging\"")
        .contains("would-create", "Deployment.apps shop/web").contains("dry run of snapshot s1");
    List<String> sent = drill.target.writes().subList(writes, drill.target.writes().size());
    assertThat(sent).isNotEmpty().allMatch(w -> w.contains("dryRun=All"));
    assertThat(drill.target.client().apps().deployments().inNamespace("shop").withName("web").get()).isNull();
    assertThat(drill.target.client().configMaps().inNamespace("shop").withName("web-config").get().getData())
        .containsValue("staging");
  }

  @Test
  @DisplayName("server-side apply sends an apply patch with field manager umzug and force, and brings a changed object back")
  void serverSideApply() {
    assertThat(drill.restore("s1").code()).isZero();
    drill.target.client().configMaps().inNamespace("shop").withName("web-config")
        .edit(cm -> { cm.getData().put(cm.getData().keySet().iterator().next(), "drifted"); return cm; });
    int writes = drill.target.writes().size();

    Run apply = drill.restore("s1", "--strategy", "apply", "--restart");
    assertThat(apply.code()).as(apply.err() + apply.out()).isZero();
    assertThat(drill.target.writes().subList(writes, drill.target.writes().size()))
        .anySatisfy(w -> assertThat(w).startsWith("PATCH /api/v1/namespaces/shop/configmaps/web-config?")
            .contains("fieldManager=umzug", "force=true", "[application/apply-patch+yaml]"));
    assertThat(drill.verify("s1").code()).isZero();
  }

  @Test
  @DisplayName("conflict policy fail refuses a namespace that exists before anything is written; skip leaves what differs")
  void conflictPolicies() {
    assertThat(drill.restore("s1").code()).isZero();
    drill.target.client().configMaps().inNamespace("shop").withName("web-config")
        .edit(cm -> { cm.getData().put(cm.getData().keySet().iterator().next(), "theirs"); return cm; });
    int writes = drill.target.writes().size();

    Run fail = drill.restore("s1", "--conflict-policy", "fail", "--restart");
    assertThat(fail.code()).as(fail.err() + fail.out()).isEqualTo(3);
    assertThat(fail.out()).contains("blocker", "namespace shop already exists on the target", "nothing was applied");
    assertThat(drill.target.writes()).hasSize(writes);

    Run skip = drill.restore("s1", "--conflict-policy", "skip", "--restart");
    assertThat(skip.code()).as(skip.err() + skip.out()).isZero();
    assertThat(skip.out()).contains("skipped", "ConfigMap shop/web-config", "conflict policy skip");
    assertThat(drill.target.client().configMaps().inNamespace("shop").withName("web-config").get().getData())
        .containsValue("theirs");
  }

  /** Reads the journal file as text, for checks on what it recorded. */
  static String journal(Path dir, String id) throws java.io.IOException {
    return Files.readString(dir.resolve("restore-" + id + ".journal"));
  }
}
