package dev.umzug.engine.restore.apply;

import static dev.umzug.engine.restore.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.plan.ConflictPolicy;
import dev.umzug.engine.restore.JournalEntry.Outcome;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.restore.RestoreItem;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Restore preflight")
class PreflightTest {

  static final RestoreItem CRD = item("""
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        versions: [{name: v1, served: true, storage: true}]
      """);
  static final RestoreItem WIDGET = item("""
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w, namespace: shop}
      """);
  static final RestoreItem INGRESS = item("""
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: shop}
      spec: {ingressClassName: nginx}
      """);
  static final RestoreItem CRON_JOB = item("""
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, namespace: shop}
      spec:
        jobTemplate:
          spec:
            template:
              spec: {priorityClassName: nightly, containers: [{name: c, image: x}]}
      """);

  final MemoryTarget target = RestorerTest.withStorageClass(new MemoryTarget());

  @TempDir Path dir;

  List<Finding> check(ConflictPolicy policy, RestoreItem... items) {
    return check(policy, null, items);
  }

  List<Finding> check(ConflictPolicy policy, RestoreJournal journal, RestoreItem... items) {
    return new Preflight(target, new Retrier(RetryPolicy.defaults(), d -> { }))
        .check(List.of(items), policy, journal);
  }

  @Test
  void aFreeTargetWithEveryClassPassesWithoutFindings() {
    target.put(item("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\n").content()
        .deepCopy());
    assertThat(check(ConflictPolicy.FAIL, RestorerTest.NAMESPACE, RestorerTest.CLAIM, INGRESS)).isEmpty();
  }

  @Test
  void aClaimOnAStorageClassTheTargetLacksIsABlockerNamingClassAndClaim() {
    target.objects.clear();
    assertThat(check(ConflictPolicy.FAIL, RestorerTest.CLAIM)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
      assertThat(f.message()).contains("StorageClass 'fast' does not exist").contains("PersistentVolumeClaim shop/data");
    });
  }

  @Test
  void aStatefulSetWhoseClaimTemplateNamesAStorageClassTheTargetLacksIsABlocker() {
    target.objects.clear();
    RestoreItem db = item("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          template: {spec: {containers: [{name: c, image: x}]}}
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {storageClassName: replicated-ssd}
        """);
    assertThat(check(ConflictPolicy.FAIL, db)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
      assertThat(f.message()).contains("StorageClass 'replicated-ssd' does not exist", "StatefulSet.apps shop/db");
    });
  }

  @Test
  void aDiscoveryFailureThatARetryCuresDoesNotBlock() {
    target.failNext(new TargetException(TargetException.Kind.UNAVAILABLE, 503, "ServiceUnavailable", "busy"));
    target.unserved.clear();
    assertThat(check(ConflictPolicy.FAIL, INGRESS)).extracting(Finding::message)
        .noneMatch(m -> m.contains("does not serve"));
  }

  @Test
  void anIngressClassAndAPriorityClassTheTargetLacksAreReported() {
    List<Finding> findings = check(ConflictPolicy.FAIL, INGRESS, CRON_JOB);
    assertThat(findings).extracting(Finding::message).anyMatch(m -> m.contains("IngressClass 'nginx'"))
        .anyMatch(m -> m.contains("PriorityClass 'nightly'"));
  }

  @Test
  void aTypeTheTargetDoesNotServeIsABlockerUnlessTheRestoreCreatesItsDefinition() {
    target.unserved.add("example.com/v1 Widget");
    assertThat(check(ConflictPolicy.FAIL, WIDGET)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("does not serve Widget at example.com/v1"));
    assertThat(check(ConflictPolicy.FAIL, CRD, WIDGET)).isEmpty();
  }

  @Test
  void anExistingNamespaceBlocksPolicyFailButNotSkipOrUpdate() {
    target.put((ObjectNode) RestorerTest.NAMESPACE.content());
    assertThat(check(ConflictPolicy.FAIL, RestorerTest.NAMESPACE)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("already exists").contains("policy fail"));
    assertThat(check(ConflictPolicy.SKIP, RestorerTest.NAMESPACE)).isEmpty();
    assertThat(check(ConflictPolicy.UPDATE, RestorerTest.NAMESPACE)).isEmpty();
  }

  @Test
  void aNamespaceBeingDeletedBlocksEveryPolicy() {
    target.terminating.add("shop");
    target.put((ObjectNode) RestorerTest.NAMESPACE.content());
    List<Finding> all = new ArrayList<>();
    for (ConflictPolicy p : ConflictPolicy.values()) {
      all.addAll(check(p, RestorerTest.NAMESPACE));
    }
    assertThat(all).hasSize(3).allMatch(f -> f.severity() == Severity.BLOCKER && f.message().contains("Terminating"));
  }

  static Stream<Arguments> journalHistories() {
    return Stream.of(
        Arguments.of("created by this restore", List.of(Outcome.STARTED, Outcome.CREATED), false),
        Arguments.of("started, and the process killed before the result", List.of(Outcome.STARTED), false),
        Arguments.of("found unchanged by this restore", List.of(Outcome.STARTED, Outcome.UNCHANGED), false),
        Arguments.of("refused by the target", List.of(Outcome.STARTED, Outcome.FAILED), true),
        Arguments.of("skipped", List.of(Outcome.STARTED, Outcome.SKIPPED), true));
  }

  @ParameterizedTest(name = "an existing namespace the journal shows {0}: blocks = {2}")
  @MethodSource("journalHistories")
  @DisplayName("under policy fail, an existing namespace is this restore's own when its journal may have applied it")
  void anExistingNamespaceUnderPolicyFailIsOursWhenTheJournalMayHaveAppliedIt(String history, List<Outcome> outcomes,
      boolean blocks) throws Exception {
    target.put((ObjectNode) RestorerTest.NAMESPACE.content());
    try (RestoreJournal journal = RestoreJournal.open(dir.resolve("journal"), RestorerTest.SNAPSHOT)) {
      for (Outcome o : outcomes) {
        journal.append(RestorerTest.NAMESPACE.ref(), RestorerTest.digest(RestorerTest.NAMESPACE), "namespaces", o, "");
      }
      assertThat(check(ConflictPolicy.FAIL, journal, RestorerTest.NAMESPACE)).extracting(Finding::message)
          .hasSize(blocks ? 1 : 0).allMatch(m -> m.contains("already exists"));
    }
  }
}
