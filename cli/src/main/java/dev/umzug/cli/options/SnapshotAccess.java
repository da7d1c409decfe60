package dev.umzug.cli.options;

import dev.umzug.engine.snapshot.AgeIdentity;
import dev.umzug.engine.snapshot.SigningKeys;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which snapshot to read and the keys to trust and decrypt it: shared by restore and verify. */
public final class SnapshotAccess {

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--snapshot", required = true, paramLabel = "ID", description = "The snapshot to restore from.")
  public String snapshotId;

  @Option(names = "--store", paramLabel = "LOCATION",
      description = "Store instead of the plan's: a local directory or s3://bucket/prefix.")
  public String store;

  @Option(names = "--public-key", paramLabel = "FILE",
      description = "The trusted Ed25519 public key the snapshot must be signed with; default: $UMZUG_PUBLIC_KEY.")
  Path publicKey;

  @Option(names = "--identity", paramLabel = "FILE",
      description = "age identity that decrypts the snapshot's Secrets; default: $UMZUG_IDENTITY.")
  Path identity;

  /** The trusted key: the option, else the environment; a usage error when neither is given. */
  public PublicKey trustedKey() {
    Path file = publicKey != null ? publicKey : env("UMZUG_PUBLIC_KEY");
    if (file == null) {
      throw new ParameterException(spec.commandLine(),
          "missing --public-key FILE (or $UMZUG_PUBLIC_KEY): the key the snapshot must be signed with");
    }
    return SigningKeys.readPublic(file);
  }

  public Optional<AgeIdentity> identity() {
    Path file = identity != null ? identity : env("UMZUG_IDENTITY");
    return Optional.ofNullable(file).map(AgeIdentity::read);
  }

  /** A plan whose target is a cluster, and the snapshot rewritten by it. */
  public record Loaded(dev.umzug.engine.plan.MigrationPlan plan, dev.umzug.engine.plan.ClusterAccess target,
      dev.umzug.engine.restore.apply.SnapshotIntent snapshot) {}

  /**
   * Loads the plan, insists that its target is a cluster, and reads the snapshot (signature and
   * digests checked) into the plan's intent.
   *
   * @param command the command's name, for the message when the target is not a cluster
   */
  public Loaded load(Path planFile, dev.umzug.engine.registry.Registry registry, String command) {
    var plan = dev.umzug.engine.plan.PlanLoader.load(planFile);
    var cluster = plan.target().cluster().orElseThrow(() -> new dev.umzug.engine.error.PlanInvalidException(
        planFile.toString(), java.util.List.of(planFile + ": spec.target: " + command
            + " needs a cluster (kubeconfig and context), not an output directory")));
    var store = openStore(new dev.umzug.engine.registry.Locations(registry), plan);
    var intent = dev.umzug.engine.restore.apply.SnapshotIntent.load(plan, registry, store, snapshotId, trustedKey(),
        identity());
    return new Loaded(plan, cluster, intent);
  }

  /** The store named by --store, else the plan's. */
  public dev.umzug.engine.spi.SnapshotStore openStore(dev.umzug.engine.registry.Locations locations,
      dev.umzug.engine.plan.MigrationPlan plan) {
    return store != null ? locations.store(store, false) : locations.store(plan.store());
  }

  /** The journal given with --journal, else where a restore of this snapshot keeps it by default. */
  public Path journal(Path given) {
    return given != null ? given : Path.of(".umzug", "restore-" + snapshotId + ".journal");
  }

  private static Path env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : Path.of(v);
  }
}
