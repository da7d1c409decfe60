package dev.umzug.engine.plan;

import dev.umzug.engine.spi.Mappings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A validated migration plan: what to move, from where, to where, with which explicit choices.
 * Built by {@link PlanLoader#load(Path)}; every path in it is absolute, resolved against the plan
 * file's directory; every default is filled in.
 *
 * @param file the plan file, absolute
 * @param name {@code metadata.name}
 * @param description {@code metadata.description}, if any
 * @param source where the workloads come from
 * @param target where they go
 * @param namespaces the namespaces to migrate, in plan order; empty means all
 * @param store where phases keep their results
 * @param encryption client-side encryption of the store's content
 * @param volumeMover how volume data is copied
 * @param mappings the operator's explicit mappings; its {@link Mappings#namespaces()} is always
 *     derived from the renames in {@code namespaces}
 * @param rules user rules, in plan order, the rules of referenced Velero resource-modifier files in
 *     place of the reference; turn them into rewrite rules with {@code UserRules.from(plan)}
 * @param verification checks after the migration
 * @param conflictPolicy what restore does with objects that already exist
 */
public record MigrationPlan(
    Path file,
    String name,
    Optional<String> description,
    SourceSpec source,
    TargetSpec target,
    List<NamespaceSpec> namespaces,
    StoreSpec store,
    EncryptionSpec encryption,
    MoverKind volumeMover,
    Mappings mappings,
    List<RuleSpec> rules,
    VerificationSpec verification,
    ConflictPolicy conflictPolicy) {

  public static final String API_VERSION = "umzug.dev/v1alpha1";
  public static final String KIND = "MigrationPlan";

  public MigrationPlan {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(volumeMover, "volumeMover");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(conflictPolicy, "conflictPolicy");
    namespaces = List.copyOf(namespaces);
    rules = List.copyOf(rules);
    mappings = withRenames(mappings, namespaces);
  }

  /** Provider id of the source, e.g. {@code aws-eks}; not checked against the registry here. */
  public String sourceProvider() {
    return source.provider();
  }

  /** Provider id of the target, e.g. {@code ionos}; not checked against the registry here. */
  public String targetProvider() {
    return target.provider();
  }

  /** True when the plan names no namespaces, which means every namespace. */
  public boolean selectsAllNamespaces() {
    return namespaces.isEmpty();
  }

  /** Whether objects of the source namespace {@code namespace} are migrated. */
  public boolean selectsNamespace(String namespace) {
    return selectsAllNamespaces() || namespaces.stream().anyMatch(n -> n.name().equals(namespace));
  }

  private static Mappings withRenames(Mappings mappings, List<NamespaceSpec> namespaces) {
    Map<String, String> renames = new TreeMap<>();
    namespaces.forEach(n -> n.renameTo().ifPresent(to -> renames.put(n.name(), to)));
    Mappings m = mappings == null ? Mappings.none() : mappings;
    return new Mappings(
        m.storageClasses(), m.ingressClasses(), m.registries(), m.nodePools(), m.zones(), renames);
  }
}
