package dev.umzug.providers.velero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.convert.ConvertRequest;
import dev.umzug.engine.convert.ConvertSummary;
import dev.umzug.engine.convert.Converter;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.NamespaceSpec;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.source.ManifestDirectorySource;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SourceItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example shop application of {@code plans/eks-to-ionos}, backed up by "Velero" (the fixture)
 * and converted from the backup with the engine's converter, from aws-eks to ionos.
 */
class VeleroConvertTest {

  private static final Path PLAN = Path.of("..", "plans", "eks-to-ionos", "plan.yaml");
  private static final Registry REGISTRY = Registry.load();

  @TempDir Path work;

  @Test
  @DisplayName("a Velero backup of the example application converts to exactly the files its manifests convert to")
  void backupConvertsLikeTheManifests() throws IOException {
    MigrationPlan plan = PlanLoader.load(PLAN);
    Path app = PLAN.getParent().resolve("app");
    List<SourceItem> manifests = new ArrayList<>();
    new ManifestDirectorySource(app).read(manifests::add, f -> {});
    VeleroBackupFixture fixture = VeleroBackupFixture.backup("shop-daily");
    manifests.forEach(item -> fixture.object(item.object()));
    // what a backup of the whole cluster holds besides the application
    fixture.object(VeleroBackupFixture.object("v1", "Event", "shop", "web-5d9c.17a2b3c4d5e6f708"));
    fixture.object(VeleroBackupFixture.object("velero.io/v1", "Backup", "velero", "shop-daily"));
    fixture.writeTo(work.resolve("bucket"));

    Run fromManifests = convert(plan, new ManifestDirectorySource(app), work.resolve("from-manifests"));
    Run fromBackup =
        convert(plan, VeleroBackupSource.openDirectory(work.resolve("bucket"), "", "shop-daily"),
            work.resolve("from-backup"));

    assertThat(fromBackup.summary.objects()).isEqualTo(manifests.size());
    assertThat(fromBackup.summary.converted()).isEqualTo(fromManifests.summary.converted()).isPositive();
    assertThat(fromBackup.summary.failed()).isZero();
    assertThat(fromBackup.files).isEqualTo(fromManifests.files);
    assertThat(fromBackup.outcomes).allSatisfy(o -> assertThat(o.location()).startsWith("velero:shop-daily/resources/"));
    assertThat(fromBackup.problems)
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.INFO,
                "skipped 1 backups.velero.io object: Velero's own objects (backups, restores, schedules,"
                    + " repositories) stay with the source cluster's Velero"),
            org.assertj.core.groups.Tuple.tuple(Severity.INFO,
                "skipped 1 events object: events are a record of the source cluster, not state to move"));
    // the provider rules ran on the backup's objects: the EKS storage class became an IONOS one
    String pvcs = fromBackup.files.entrySet().stream()
        .filter(e -> e.getKey().startsWith("namespaces/shop/statefulset.apps_"))
        .map(Map.Entry::getValue).collect(Collectors.joining());
    assertThat(pvcs).contains("ionos-enterprise-ssd").doesNotContain("storageClassName: gp3");
    assertThat(fromBackup.outcomes).anySatisfy(o -> assertThat(o.changes()).isNotEmpty());
  }

  private Run convert(MigrationPlan plan, ObjectSource source, Path out) throws IOException {
    Run run = new Run();
    ConvertRequest request =
        new ConvertRequest(
            source, REGISTRY.profile(plan.sourceProvider()), REGISTRY.profile(plan.targetProvider()),
            plan.mappings(),
            plan.namespaces().stream().map(NamespaceSpec::name).collect(Collectors.toSet()),
            REGISTRY.rules(), out, false);
    run.summary =
        new Converter().run(request, new ConvertListener() {
          @Override
          public void onProblem(Finding finding) {
            run.problems.add(finding);
          }

          @Override
          public void onObject(ObjectOutcome outcome, String outputPath) {
            run.outcomes.add(outcome);
          }
        });
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        run.files.put(out.relativize(p).toString(), Files.readString(p));
      }
    }
    return run;
  }

  private static final class Run {
    ConvertSummary summary;
    final List<Finding> problems = new ArrayList<>();
    final List<ObjectOutcome> outcomes = new ArrayList<>();
    final Map<String, String> files = new TreeMap<>();
  }
}
