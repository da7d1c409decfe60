package dev.umzug.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.verify.ObjectVerification.Status;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Intent verifier and its report")
class IntentVerifierTest {

  static final String ROOT = "f".repeat(64);
  static final ResourceRef WEB = new ResourceRef("apps", "Deployment", "shop", "web");
  static final ResourceRef CFG = new ResourceRef("", "ConfigMap", "shop", "cfg");
  static final ResourceRef GONE = new ResourceRef("", "ConfigMap", "shop", "gone");
  static final ResourceRef SECRET = new ResourceRef("", "Secret", "shop", "creds");
  static final ResourceRef TOKEN = new ResourceRef("", "Secret", "shop", "old-token");
  static final ResourceRef DEFAULT_SA = new ResourceRef("", "ServiceAccount", "shop", "default");

  private VerificationReport report() throws Exception {
    Map<ResourceRef, JsonNode> intended = new TreeMap<>();
    intended.put(WEB, IntentComparerTest.yaml("spec: {replicas: 2}"));
    intended.put(CFG, IntentComparerTest.yaml("data: {a: b}"));
    intended.put(GONE, IntentComparerTest.yaml("data: {a: b}"));
    intended.put(SECRET, IntentComparerTest.yaml("data: {password: aHVudGVyMg==}"));
    Map<ResourceRef, JsonNode> live = Map.of(
        WEB, IntentComparerTest.yaml("spec: {replicas: 2, revisionHistoryLimit: 10}"),
        CFG, IntentComparerTest.yaml("data: {a: c}"),
        SECRET, IntentComparerTest.yaml("data: {password: c2VjcmV0}"),
        TOKEN, IntentComparerTest.yaml("type: kubernetes.io/service-account-token"));
    return new IntentVerifier().verify(ROOT, intended, Set.of(TOKEN, DEFAULT_SA),
        ref -> Optional.ofNullable(live.get(ref)));
  }

  @Test
  @DisplayName("reports each object confirmed, mismatched, missing, absent as intended or unexpectedly present, with counts")
  void verdicts() throws Exception {
    VerificationReport report = report();
    assertThat(report.objects()).extracting(o -> o.ref().name() + " " + o.status()).containsExactly(
        "cfg MISMATCH", "gone MISSING", "creds MISMATCH", "old-token UNEXPECTEDLY_PRESENT",
        "default ABSENT_AS_INTENDED", "web CONFIRMED");
    assertThat(report.counts()).containsEntry(Status.CONFIRMED, 1L).containsEntry(Status.MISMATCH, 2L)
        .containsEntry(Status.MISSING, 1L).containsEntry(Status.UNEXPECTEDLY_PRESENT, 1L)
        .containsEntry(Status.ABSENT_AS_INTENDED, 1L);
    assertThat(report.passed()).isFalse();
  }

  @Test
  @DisplayName("a create-only cluster-wide object counts as present whatever its content, and as missing when absent")
  void presenceOnly() throws Exception {
    ResourceRef crd = new ResourceRef("apiextensions.k8s.io", "CustomResourceDefinition", null, "widgets.example.com");
    ResourceRef role = new ResourceRef("rbac.authorization.k8s.io", "ClusterRole", null, "shop-reader");
    Map<ResourceRef, JsonNode> live = Map.of(crd, IntentComparerTest.yaml("spec: {group: other-content.example.com}"));

    VerificationReport report = new IntentVerifier().verify(ROOT, Map.of(), Set.of(crd, role), Set.of(),
        ref -> Optional.ofNullable(live.get(ref)), null);

    assertThat(report.objects()).extracting(o -> o.ref().name() + " " + o.status())
        .containsExactly("widgets.example.com PRESENT", "shop-reader MISSING");
    assertThat(report.passed()).isFalse();
    assertThat(VerificationReportWriter.toJson(report)).doesNotContain("withheld");
  }

  @Test
  @DisplayName("writes deterministic JSON with the snapshot digest and never a Secret value")
  void json() throws Exception {
    String json = VerificationReportWriter.toJson(report());
    assertThat(json).isEqualTo(VerificationReportWriter.toJson(report()));
    assertThat(json).startsWith("{\n  \"format\" : \"umzug-verification-report/1\",\n  \"snapshot\" : \"" + ROOT + "\"")
        .contains("\"path\" : \"/data/a\"", "\"intended\" : \"\\\"b\\\"\"", "\"actual\" : \"\\\"c\\\"\"")
        .contains("\"path\" : \"/data/password\",\n          \"kind\" : \"CHANGED\",\n          \"redacted\" : true")
        .doesNotContain("aHVudGVyMg", "c2VjcmV0")
        .endsWith("}\n");
  }
}
