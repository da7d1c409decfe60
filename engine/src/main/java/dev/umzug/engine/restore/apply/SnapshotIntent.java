package dev.umzug.engine.restore.apply;

import dev.umzug.engine.convert.ConvertRequest;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.NamespaceSpec;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.rewrite.user.UserRules;
import dev.umzug.engine.snapshot.AgeIdentity;
import dev.umzug.engine.snapshot.ManifestVerifier;
import dev.umzug.engine.snapshot.SnapshotManifest;
import dev.umzug.engine.snapshot.SnapshotObjectSource;
import dev.umzug.engine.snapshot.SnapshotReader;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.SnapshotStore;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What restore and verify both start from: a snapshot whose signature checks out against the key
 * the operator trusts, rewritten by the plan into a {@link RestoreIntent}. Both commands compute the
 * intent the same way, so verify checks exactly what restore applied.
 *
 * @param manifest the snapshot's verified manifest
 * @param intent the rewritten objects, the objects that must be absent, and the findings
 */
public record SnapshotIntent(SnapshotManifest manifest, RestoreIntent intent) {

  /**
   * @throws dev.umzug.engine.snapshot.SnapshotIntegrityException when the signature or an item does
   *     not match (naming the item)
   * @throws InvalidInputException when the snapshot holds encrypted objects and no identity is given
   */
  public static SnapshotIntent load(MigrationPlan plan, Registry registry, SnapshotStore store, String snapshotId,
      PublicKey trusted, Optional<AgeIdentity> identity) {
    SnapshotReader reader = SnapshotReader.open(store, snapshotId, new ManifestVerifier(trusted));
    long encrypted = reader.manifest().items().stream().filter(i -> i.encrypted()).count();
    if (encrypted > 0 && identity.isEmpty()) {
      throw new InvalidInputException("snapshot " + snapshotId + " holds " + encrypted
          + " encrypted objects (Secrets): give the age identity that can read them (--identity or $UMZUG_IDENTITY)");
    }
    List<RewriteRule> rules = new ArrayList<>(registry.rules());
    rules.addAll(UserRules.from(plan));
    Set<String> namespaces = plan.namespaces().stream().map(NamespaceSpec::name).collect(Collectors.toSet());
    ConvertRequest request = new ConvertRequest(new SnapshotObjectSource(reader, identity),
        registry.profile(plan.sourceProvider()), registry.profile(plan.targetProvider()), plan.mappings(),
        namespaces, rules, null, false);
    return new SnapshotIntent(reader.manifest(), RestoreIntent.build(request));
  }

  /**
   * The objects verify reads back from the target: those the restore applies and keeps in line with
   * the intent. Create-only cluster-wide objects (CRDs, ClusterRoles) may belong to the target and
   * are not held to the snapshot's content; classes and volumes are not restored at all
   * ({@link ClusterScopedPolicy}).
   */
  public java.util.SortedMap<dev.umzug.engine.spi.ResourceRef, com.fasterxml.jackson.databind.JsonNode> verifiable() {
    var out = new java.util.TreeMap<dev.umzug.engine.spi.ResourceRef, com.fasterxml.jackson.databind.JsonNode>();
    for (var item : intent.items()) {
      if (ClusterScopedPolicy.of(item.ref()) == ClusterScopedPolicy.Treatment.APPLY) {
        out.put(item.ref(), item.content());
      }
    }
    return out;
  }

  /** The create-only cluster-wide objects: verify demands that they exist, not that they match. */
  public java.util.SortedSet<dev.umzug.engine.spi.ResourceRef> presenceOnly() {
    var out = new java.util.TreeSet<dev.umzug.engine.spi.ResourceRef>();
    for (var item : intent.items()) {
      if (ClusterScopedPolicy.of(item.ref()) == ClusterScopedPolicy.Treatment.CREATE_ONLY) {
        out.add(item.ref());
      }
    }
    return out;
  }
}
