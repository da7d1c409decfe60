package dev.umzug.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.Mappings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@link MigrationPlan} from a tree that has passed the schema and the {@link
 * PlanChecks}: fills in defaults and resolves relative paths against the plan's directory.
 */
final class PlanBinder {

  private final Path file;
  private final Path dir;

  private PlanBinder(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.dir = this.file.getParent();
  }

  static MigrationPlan bind(Path file, JsonNode plan, List<RuleSpec> rules) {
    return new PlanBinder(file).plan(plan, rules);
  }

  private MigrationPlan plan(JsonNode plan, List<RuleSpec> rules) {
    JsonNode metadata = plan.path("metadata");
    JsonNode spec = plan.path("spec");
    return new MigrationPlan(
        file,
        metadata.path("name").asText(),
        text(metadata, "description"),
        source(spec.path("source")),
        target(spec.path("target")),
        namespaces(spec.path("namespaces")),
        store(spec.path("store")),
        new EncryptionSpec(strings(spec.path("encryption").path("recipients"))),
        MoverKind.of(spec.path("volumes").path("mover").asText(MoverKind.NONE.id())),
        mappings(spec.path("mappings")),
        rules,
        verification(spec.path("verification")),
        ConflictPolicy.of(spec.path("conflictPolicy").asText(ConflictPolicy.FAIL.id())));
  }

  private SourceSpec source(JsonNode source) {
    String provider = source.path("provider").asText();
    if (source.has("cluster")) {
      return new SourceSpec(provider, cluster(source.path("cluster")));
    }
    if (source.has("manifests")) {
      return new SourceSpec(provider, new ManifestsDir(path(source.path("manifests").path("path"))));
    }
    JsonNode velero = source.path("veleroBackup");
    return new SourceSpec(
        provider,
        new VeleroBackupRef(
            velero.path("bucket").asText(),
            velero.path("prefix").asText(""),
            velero.path("backup").asText(),
            text(velero, "endpoint"),
            text(velero, "region")));
  }

  private TargetSpec target(JsonNode target) {
    String provider = target.path("provider").asText();
    if (target.has("cluster")) {
      return new TargetSpec(provider, cluster(target.path("cluster")));
    }
    return new TargetSpec(provider, new OutputDir(path(target.path("output").path("path"))));
  }

  private ClusterAccess cluster(JsonNode cluster) {
    Optional<Path> kubeconfig =
        cluster.has("kubeconfig") ? Optional.of(path(cluster.path("kubeconfig"))) : Optional.empty();
    return new ClusterAccess(kubeconfig, cluster.path("context").asText());
  }

  private static List<NamespaceSpec> namespaces(JsonNode namespaces) {
    List<NamespaceSpec> out = new ArrayList<>();
    namespaces.forEach(ns -> out.add(new NamespaceSpec(ns.path("name").asText(), text(ns, "renameTo"))));
    return out;
  }

  private StoreSpec store(JsonNode store) {
    if (!store.path("type").asText("local").equals("s3")) {
      return new LocalStore(dir.resolve(store.path("path").asText(LocalStore.DEFAULT_PATH)).normalize());
    }
    JsonNode credentials = store.path("credentials");
    S3Credentials source =
        credentials.has("profile")
            ? S3Credentials.profile(credentials.path("profile").asText())
            : credentials.has("fromEnv") ? S3Credentials.fromEnvironment() : S3Credentials.defaultChain();
    return new S3Store(
        text(store, "endpoint"),
        store.path("bucket").asText(),
        store.path("prefix").asText(""),
        text(store, "region"),
        store.path("pathStyle").asBoolean(false),
        source);
  }

  private static Mappings mappings(JsonNode mappings) {
    return new Mappings(
        map(mappings.path("storageClasses")),
        map(mappings.path("ingressClasses")),
        map(mappings.path("registries")),
        map(mappings.path("nodePools")),
        map(mappings.path("zones")),
        Map.of());
  }

  private VerificationSpec verification(JsonNode verification) {
    Optional<Path> report =
        verification.has("report") ? Optional.of(path(verification.path("report"))) : Optional.empty();
    return new VerificationSpec(verification.path("checksums").asBoolean(true), report);
  }

  private Path path(JsonNode node) {
    return dir.resolve(node.asText()).normalize();
  }

  private static Optional<String> text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
