package dev.umzug.engine.restore.apply;

import static dev.umzug.engine.restore.Items.bare;
import static dev.umzug.engine.restore.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.error.ClusterAccessException;
import dev.umzug.engine.plan.ConflictPolicy;
import dev.umzug.engine.restore.JournalEntry.Outcome;
import dev.umzug.engine.restore.RestoreItem;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.restore.RestorePlan;
import dev.umzug.engine.restore.RestorePlanner;
import dev.umzug.engine.restore.apply.GateResult.Status;
import dev.umzug.engine.restore.apply.TargetException.Kind;
import dev.umzug.engine.spi.ResourceRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Restorer")
class RestorerTest {

  static final String SNAPSHOT = "a".repeat(64);

  static final RestoreItem NAMESPACE = bare("v1", "Namespace", null, "shop");
  static final RestoreItem STORAGE_CLASS = item("""
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: fast}
      provisioner: cloud.ionos.com
      """);
  static final RestoreItem CONFIG_MAP = item("""
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: cfg, namespace: shop}
      data: {mode: production}
      """);
  static final RestoreItem SECRET = item("""
      apiVersion: v1
      kind: Secret
      metadata: {name: creds, namespace: shop}
      data: {password: c2VjcmV0LXZhbHVl}
      """);
  static final RestoreItem SERVICE = item("""
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: {app: web}
        ports: [{port: 80, targetPort: 8080}]
      """);
  static final RestoreItem CLAIM = item("""
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data, namespace: shop}
      spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      """);
  static final RestoreItem DEPLOYMENT = item("""
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - name: web
              image: registry.example.eu/web:1.2
              envFrom: [{configMapRef: {name: cfg}}, {secretRef: {name: creds}}]
              volumeMounts: [{name: data, mountPath: /data}]
            volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
      """);
  static final RestoreItem INGRESS = item("""
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: shop}
      spec:
        rules:
        - host: shop.example.eu
          http:
            paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
      """);

  static final List<RestoreItem> APP =
      List.of(INGRESS, DEPLOYMENT, CLAIM, SERVICE, SECRET, CONFIG_MAP, STORAGE_CLASS, NAMESPACE);

  @TempDir Path dir;

  final MemoryTarget target = withStorageClass(new MemoryTarget());
  final List<Duration> waits = new ArrayList<>();

  static MemoryTarget withStorageClass(MemoryTarget t) {
    t.put((ObjectNode) STORAGE_CLASS.content());
    return t;
  }

  RestoreOptions options(ConflictPolicy policy) {
    return RestoreOptions.defaults(policy).withWorkers(4).withRate(0, 1)
        .withGates(Duration.ofSeconds(5), Duration.ofMillis(1), true);
  }

  RestoreResult restore(RestoreOptions options, List<RestoreItem> items) throws Exception {
    RestorePlan plan = new RestorePlanner().plan(items);
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), SNAPSHOT)) {
      return new Restorer(options, new Retrier(options.retry(), waits::add), Clock.systemUTC())
          .run(plan, target, journal, false, RestoreListener.NONE);
    }
  }

  static Map<ResourceRef, ApplyOutcome> outcomes(RestoreResult r) {
    return r.objects().stream().collect(Collectors.toMap(ObjectResult::ref, ObjectResult::outcome));
  }

  @Test
  void everyObjectIsCreatedInDependencyOrderAndEveryGatePasses() throws Exception {
    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    assertThat(result.complete()).isTrue();
    assertThat(result.counts()).containsEntry(ApplyOutcome.CREATED, 7L);
    assertThat(target.writes).startsWith("create Namespace shop");
    assertThat(target.writes.indexOf("create Secret shop/creds"))
        .isLessThan(target.writes.indexOf("create Deployment.apps shop/web"));
    assertThat(target.writes.indexOf("create PersistentVolumeClaim shop/data"))
        .isLessThan(target.writes.indexOf("create Deployment.apps shop/web"));
    assertThat(target.writes.indexOf("create Deployment.apps shop/web"))
        .isLessThan(target.writes.indexOf("create Ingress.networking.k8s.io shop/web"));
    assertThat(result.gates()).extracting(GateResult::gate).extracting(Enum::name)
        .contains("NAMESPACE_ACTIVE", "PVC_BOUND_OR_WAITING", "WORKLOADS_AVAILABLE");
    assertThat(result.gates()).allMatch(g -> g.status() != Status.FAILED);
  }

  @Test
  void storageClassesOfTheSnapshotAreNotAppliedButListedWithTheReason() throws Exception {
    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    assertThat(result.notRestored()).containsKey(STORAGE_CLASS.ref());
    assertThat(result.notRestored().get(STORAGE_CLASS.ref())).contains("mapped class");
    assertThat(target.writes).noneMatch(w -> w.contains("StorageClass"));
  }

  @Test
  void runningTheSameRestoreAgainSendsNoWriteAndReportsEveryObjectAsAlreadyApplied() throws Exception {
    restore(options(ConflictPolicy.FAIL), APP);
    int writes = target.writes.size();

    RestoreResult again = restore(options(ConflictPolicy.FAIL), APP);

    assertThat(target.writes).hasSize(writes);
    assertThat(again.counts()).containsEntry(ApplyOutcome.ALREADY_APPLIED, 7L);
    assertThat(again.complete()).isTrue();
  }

  @Test
  void anObjectWhoseApplyACrashInterruptedIsFoundOnTheTargetAndRecordedUnchanged() throws Exception {
    target.put((ObjectNode) NAMESPACE.content());
    target.put((ObjectNode) CONFIG_MAP.content());
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), SNAPSHOT)) {
      journal.append(NAMESPACE.ref(), digest(NAMESPACE), "namespaces", Outcome.STARTED, "");
      journal.append(NAMESPACE.ref(), digest(NAMESPACE), "namespaces", Outcome.CREATED, "");
      journal.append(CONFIG_MAP.ref(), digest(CONFIG_MAP), "configuration", Outcome.STARTED, "");
    }

    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    assertThat(outcomes(result)).containsEntry(NAMESPACE.ref(), ApplyOutcome.ALREADY_APPLIED)
        .containsEntry(CONFIG_MAP.ref(), ApplyOutcome.UNCHANGED)
        .containsEntry(DEPLOYMENT.ref(), ApplyOutcome.CREATED);
    assertThat(target.writes).noneMatch(w -> w.contains("ConfigMap"));
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), SNAPSHOT)) {
      assertThat(journal.unresolved()).isEmpty();
    }
  }

  @Test
  void aJournalThatAppliedOtherContentStopsThatObjectInsteadOfOverwritingIt() throws Exception {
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), SNAPSHOT)) {
      journal.append(CONFIG_MAP.ref(), "b".repeat(64), "configuration", Outcome.CREATED, "");
    }

    RestoreResult result = restore(options(ConflictPolicy.UPDATE), APP);

    ObjectResult cm = result.objects().stream().filter(r -> r.ref().equals(CONFIG_MAP.ref())).findFirst().orElseThrow();
    assertThat(cm.outcome()).isEqualTo(ApplyOutcome.FAILED);
    assertThat(cm.reason()).contains("--restart");
    assertThat(target.writes).noneMatch(w -> w.contains("ConfigMap"));
  }

  @Test
  void anExistingObjectThatDiffersFailsUnderPolicyFailNamingTheField() throws Exception {
    target.put((ObjectNode) NAMESPACE.content());
    target.put(changed(CONFIG_MAP, o -> o.with("data").put("mode", "staging")));

    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    ObjectResult cm = resultOf(result, CONFIG_MAP);
    assertThat(cm.outcome()).isEqualTo(ApplyOutcome.FAILED);
    assertThat(cm.reason()).contains("/data/mode").contains("conflict policy fail");
    assertThat(target.objects.get(CONFIG_MAP.ref()).path("data").path("mode").asText()).isEqualTo("staging");
    assertThat(result.complete()).isFalse();
  }

  @Test
  void anExistingObjectThatDiffersIsLeftAloneUnderPolicySkip() throws Exception {
    target.put((ObjectNode) NAMESPACE.content());
    target.put(changed(CONFIG_MAP, o -> o.with("data").put("mode", "staging")));

    RestoreResult result = restore(options(ConflictPolicy.SKIP), APP);

    assertThat(resultOf(result, CONFIG_MAP).outcome()).isEqualTo(ApplyOutcome.SKIPPED);
    assertThat(outcomes(result)).containsEntry(DEPLOYMENT.ref(), ApplyOutcome.CREATED);
    assertThat(target.objects.get(CONFIG_MAP.ref()).path("data").path("mode").asText()).isEqualTo("staging");
    assertThat(result.failed()).as("skipping is what the policy asked for").isFalse();
    assertThat(result.complete()).as("but the target does not hold the intent").isFalse();
  }

  @Test
  void anExistingServiceIsUpdatedUnderPolicyUpdateKeepingTheAddressTheServerAssigned() throws Exception {
    target.put((ObjectNode) NAMESPACE.content());
    target.put(changed(SERVICE, o -> {
      o.with("spec").put("clusterIP", "10.0.0.7").with("selector").put("app", "old");
      ((ObjectNode) o.with("spec").withArray("ports").get(0)).put("nodePort", 31000);
    }));

    RestoreResult result = restore(options(ConflictPolicy.UPDATE), APP);

    ObjectResult svc = resultOf(result, SERVICE);
    assertThat(svc.outcome()).isEqualTo(ApplyOutcome.UPDATED);
    assertThat(svc.differences()).extracting(d -> d.path().toString()).containsExactly("/spec/selector/app");
    ObjectNode live = target.objects.get(SERVICE.ref());
    assertThat(live.path("spec").path("clusterIP").asText()).isEqualTo("10.0.0.7");
    assertThat(live.path("spec").path("selector").path("app").asText()).isEqualTo("web");
    assertThat(live.path("spec").path("ports").get(0).path("nodePort").asInt()).isEqualTo(31000);
  }

  @Test
  void aStaleResourceVersionOnUpdateIsReadAgainAndRetried() throws Exception {
    target.put((ObjectNode) NAMESPACE.content());
    target.put(changed(CONFIG_MAP, o -> o.with("data").put("mode", "staging")));
    RestoreOptions options = options(ConflictPolicy.UPDATE).withWorkers(1);
    // the ConfigMap's create finds it existing; the replace then meets a concurrent change
    target.afterWrite(o -> o);
    RestorePlan plan = new RestorePlanner().plan(List.of(NAMESPACE, CONFIG_MAP));
    Target racing = new RacingTarget(target, CONFIG_MAP.ref());
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), SNAPSHOT)) {
      RestoreResult result = new Restorer(options, new Retrier(options.retry(), waits::add), Clock.systemUTC())
          .run(plan, racing, journal, false, RestoreListener.NONE);

      assertThat(resultOf(result, CONFIG_MAP).outcome()).isEqualTo(ApplyOutcome.UPDATED);
      assertThat(result.retries()).containsEntry("HTTP 409 Conflict", 1L);
    }
    assertThat(target.objects.get(CONFIG_MAP.ref()).path("data").path("mode").asText()).isEqualTo("production");
  }

  @Test
  void throttlingAndServerErrorsAreRetriedWithTheServersRetryAfterAndCounted() throws Exception {
    target.failNext(
        new TargetException(Kind.THROTTLED, 429, "TooManyRequests", "slow down", Duration.ofSeconds(3), null),
        new TargetException(Kind.UNAVAILABLE, 503, "ServiceUnavailable", "try later"),
        new TargetException(Kind.UNAVAILABLE, 0, "connection reset", "connection reset"));

    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    assertThat(result.complete()).isTrue();
    assertThat(result.retries()).containsEntry("HTTP 429 TooManyRequests", 1L)
        .containsEntry("HTTP 503 ServiceUnavailable", 1L).containsEntry("connection reset", 1L);
    assertThat(waits).startsWith(Duration.ofSeconds(3), Duration.ofMillis(400), Duration.ofMillis(800));
  }

  @Test
  void aCreateThatTookEffectBeforeTheConnectionDroppedEndsAsUnchangedNotAsADuplicate() throws Exception {
    target.crashAfterWrite = true;
    RestorePlan plan = new RestorePlanner().plan(List.of(NAMESPACE));
    RestoreOptions options = options(ConflictPolicy.FAIL);
    Target once = new ForwardingTarget(target) {
      boolean dropped;

      @Override
      public ObjectNode create(ObjectNode o, boolean d) {
        target.crashAfterWrite = !dropped;
        dropped = true;
        return target.create(o, d);
      }
    };
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), SNAPSHOT)) {
      RestoreResult result = new Restorer(options, new Retrier(options.retry(), waits::add), Clock.systemUTC())
          .run(plan, once, journal, false, RestoreListener.NONE);
      assertThat(resultOf(result, NAMESPACE).outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
      assertThat(result.retries()).containsEntry("connection reset", 1L);
    }
    assertThat(target.writes).containsExactly("create Namespace shop");
  }

  @Test
  void anObjectAWebhookRejectsFailsWithTheWebhooksReasonAndWhatDependsOnItIsNotSent() throws Exception {
    target.reject(SECRET.ref());

    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    ObjectResult secret = resultOf(result, SECRET);
    assertThat(secret.outcome()).isEqualTo(ApplyOutcome.FAILED);
    assertThat(secret.reason()).contains("admission webhook \"policy.example.com\" denied the request");
    ObjectResult deployment = resultOf(result, DEPLOYMENT);
    assertThat(deployment.outcome()).isEqualTo(ApplyOutcome.NOT_ATTEMPTED);
    assertThat(deployment.reason()).contains("Secret shop/creds");
    assertThat(outcomes(result)).containsEntry(CONFIG_MAP.ref(), ApplyOutcome.CREATED);
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), SNAPSHOT)) {
      assertThat(journal.entries()).anyMatch(e -> e.ref().equals(SECRET.ref()) && e.outcome() == Outcome.FAILED
          && e.reason().contains("denied"));
    }
  }

  @Test
  void aNamespaceStuckTerminatingFailsItsGateAndStopsTheRestoreBeforeAnythingIsPutIntoIt() throws Exception {
    target.terminating.add("shop");
    target.put((ObjectNode) NAMESPACE.content());

    RestoreResult result = restore(options(ConflictPolicy.SKIP), APP);

    GateResult gate = result.gates().get(0);
    assertThat(gate.status()).isEqualTo(Status.FAILED);
    assertThat(gate.problems()).anyMatch(p -> p.contains("Namespace shop") && p.contains("Terminating"));
    assertThat(result.stoppedBecause()).contains("namespace-active");
    assertThat(outcomes(result)).containsEntry(DEPLOYMENT.ref(), ApplyOutcome.NOT_ATTEMPTED);
    assertThat(target.writes).isEmpty();
  }

  @Test
  void aClaimOnAStorageClassTheTargetLacksFailsItsGateAtOnce() throws Exception {
    target.objects.remove(STORAGE_CLASS.ref());
    target.neverReady.add(CLAIM.ref());

    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    GateResult gate = result.gates().stream().filter(g -> g.gate().name().equals("PVC_BOUND_OR_WAITING"))
        .findFirst().orElseThrow();
    assertThat(gate.status()).isEqualTo(Status.FAILED);
    assertThat(gate.problems()).anyMatch(p -> p.contains("storage class 'fast' does not exist"));
    assertThat(outcomes(result)).containsEntry(DEPLOYMENT.ref(), ApplyOutcome.NOT_ATTEMPTED);
  }

  @Test
  void aWorkloadThatNeverBecomesAvailableFailsTheGateAtItsTimeoutAndRoutesAreNotApplied() throws Exception {
    target.neverReady.add(DEPLOYMENT.ref());

    RestoreResult result = restore(options(ConflictPolicy.FAIL).withGates(Duration.ofMillis(50), Duration.ofMillis(5), true), APP);

    GateResult gate = result.gates().stream().filter(g -> g.gate().name().equals("WORKLOADS_AVAILABLE"))
        .findFirst().orElseThrow();
    assertThat(gate.status()).isEqualTo(Status.FAILED);
    assertThat(gate.problems().get(0)).contains("not ready within");
    assertThat(outcomes(result)).containsEntry(INGRESS.ref(), ApplyOutcome.NOT_ATTEMPTED);
  }

  @Test
  void aDryRunWritesNothingAndSaysWhatWouldBeCreatedOrChanged() throws Exception {
    target.put((ObjectNode) NAMESPACE.content());
    target.put(changed(CONFIG_MAP, o -> o.with("data").put("mode", "staging")));

    RestorePlan plan = new RestorePlanner().plan(APP);
    RestoreOptions options = options(ConflictPolicy.UPDATE).withDryRun(true);
    RestoreResult result = new Restorer(options, new Retrier(options.retry(), waits::add), Clock.systemUTC())
        .run(plan, target, null, false, RestoreListener.NONE);

    assertThat(target.writes).isEmpty();
    assertThat(outcomes(result)).containsEntry(NAMESPACE.ref(), ApplyOutcome.UNCHANGED)
        .containsEntry(CONFIG_MAP.ref(), ApplyOutcome.WOULD_UPDATE)
        .containsEntry(DEPLOYMENT.ref(), ApplyOutcome.WOULD_CREATE);
    assertThat(resultOf(result, CONFIG_MAP).differences()).extracting(d -> d.path().toString())
        .containsExactly("/data/mode");
    assertThat(result.gates()).isEmpty();
  }

  @Test
  void unreachableTargetStopsTheRestoreWithAClusterAccessError() throws Exception {
    target.failNext(new TargetException(Kind.FATAL, 401, "Unauthorized", "credentials rejected (HTTP 401)"));

    assertThatThrownBy(() -> restore(options(ConflictPolicy.FAIL), APP))
        .isInstanceOf(ClusterAccessException.class).hasMessageContaining("credentials rejected");
  }

  @Test
  void secretValuesNeverAppearInResultsOfADifferingSecret() throws Exception {
    target.put((ObjectNode) NAMESPACE.content());
    target.put(changed(SECRET, o -> o.with("data").put("password", "b3RoZXI=")));

    RestoreResult result = restore(options(ConflictPolicy.FAIL), APP);

    ObjectResult secret = resultOf(result, SECRET);
    assertThat(secret.outcome()).isEqualTo(ApplyOutcome.FAILED);
    assertThat(secret.reason()).contains("/data/password").doesNotContain("c2VjcmV0").doesNotContain("b3RoZXI");
    assertThat(secret.differences()).allMatch(d -> d.redacted());
  }

  static ObjectResult resultOf(RestoreResult r, RestoreItem item) {
    return r.objects().stream().filter(o -> o.ref().equals(item.ref())).findFirst().orElseThrow();
  }

  static ObjectNode changed(RestoreItem item, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode copy = ((ObjectNode) item.content()).deepCopy();
    change.accept(copy);
    return copy;
  }

  static String digest(RestoreItem item) {
    return dev.umzug.engine.snapshot.CanonicalJson.sha256(item.content());
  }

  /** Changes an object between the restorer's read and its replace, once. */
  static final class RacingTarget extends ForwardingTarget {
    private final ResourceRef racing;
    private boolean raced;

    RacingTarget(MemoryTarget target, ResourceRef racing) {
      super(target);
      this.racing = racing;
    }

    @Override
    public java.util.Optional<ObjectNode> get(ResourceRef ref, String v) {
      java.util.Optional<ObjectNode> got = target.get(ref, v);
      if (ref.equals(racing) && !raced) {
        raced = true;
        target.put(target.objects.get(ref)); // another writer bumps the resourceVersion
      }
      return got;
    }
  }
}
