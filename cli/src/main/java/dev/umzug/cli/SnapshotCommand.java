package dev.umzug.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.cli.options.OutputFormat;
import dev.umzug.cli.options.OutputOptions;
import dev.umzug.engine.error.PlanInvalidException;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.registry.Locations;
import dev.umzug.engine.snapshot.ManifestSigner;
import dev.umzug.engine.snapshot.SigningKeys;
import dev.umzug.engine.snapshot.SnapshotRun;
import dev.umzug.engine.snapshot.SnapshotWriter;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code umzug snapshot}: reads the plan's source into a signed, encrypted snapshot. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the plan's source into a snapshot in the plan's store: every object as canonical JSON with"
          + " its SHA-256, Secrets encrypted to the plan's age recipients, a manifest signed last.",
      "Exit codes: 0 ok, 2 usage, 3 invalid plan, 4 store not writable, 5 some inputs failed."
    })
public final class SnapshotCommand implements Callable<Integer> {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @ParentCommand UmzugCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "PLAN", description = "The migration plan.")
  Path planFile;

  @Option(names = "--signing-key", paramLabel = "FILE",
      description = "Ed25519 private key (from 'umzug keys generate'); default: $UMZUG_SIGNING_KEY.")
  Path signingKey;

  @Option(names = "--id", paramLabel = "ID",
      description = "Snapshot id; default: <plan name>-<UTC time, yyyyMMdd-HHmmss>.")
  String id;

  @Option(names = "--store", paramLabel = "LOCATION",
      description = "Store instead of the plan's: a local directory or s3://bucket/prefix.")
  String storeLocation;

  /** Set by tests so that the id and the manifest's time are fixed. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    MigrationPlan plan = PlanLoader.load(planFile);
    if (plan.encryption().recipients().isEmpty()) {
      throw new PlanInvalidException(planFile.toString(), List.of(planFile
          + ": spec.encryption.recipients: a snapshot needs at least one age recipient, since Secrets"
          + " are stored only encrypted (create one with 'umzug keys generate')"));
    }
    Path key = signingKey != null ? signingKey : envKey();
    ManifestSigner signer = new ManifestSigner(SigningKeys.readPair(key));
    SnapshotStore store = openStore(plan);
    ObjectSource source = sourceOf(plan);
    Instant now = clock.instant();
    String snapshotId = id != null ? id : plan.name() + "-" + ID_TIME.format(now);
    SnapshotWriter writer = SnapshotWriter.begin(store, snapshotId, signer, now);
    List<Finding> findings = new ArrayList<>();
    SnapshotRun.Result result =
        new SnapshotRun(store, new java.util.TreeSet<>(ConvertCommand.namespaces(plan)), plan.encryption().recipients())
            .run(source, writer, snapshotId, findings::add);
    render(result, store, findings);
    boolean failed = result.findings().getOrDefault(Severity.ERROR, 0L) > 0;
    return failed ? 5 : 0;
  }

  private Path envKey() {
    String env = System.getenv("UMZUG_SIGNING_KEY");
    if (env == null || env.isBlank()) {
      throw new ParameterException(spec.commandLine(), "missing --signing-key (or $UMZUG_SIGNING_KEY)");
    }
    return Path.of(env);
  }

  private SnapshotStore openStore(MigrationPlan plan) {
    Locations locations = new Locations(parent.registry());
    return storeLocation != null ? locations.store(storeLocation, true) : locations.store(plan.store());
  }

  private ObjectSource sourceOf(MigrationPlan plan) {
    return new Locations(parent.registry()).source(plan, Paths::display);
  }

  private void render(SnapshotRun.Result result, SnapshotStore store, List<Finding> findings) {
    PrintWriter out = spec.commandLine().getOut();
    var manifest = result.manifest();
    if (output.format == OutputFormat.json) {
      ObjectNode node = SnapshotsCommand.JSON.createObjectNode();
      node.put("id", manifest.snapshotId());
      node.put("store", store.describe());
      node.put("objects", result.objects());
      node.put("encrypted", manifest.encryptedCount());
      node.put("storedBytes", manifest.storedBytes());
      node.put("rootDigest", manifest.rootDigest());
      node.put("signerKeySha256", manifest.signerKeySha256());
      ArrayNode list = node.putArray("findings");
      for (Finding f : findings) {
        ObjectNode fn = list.addObject();
        fn.put("severity", f.severity().label());
        fn.put("rule", f.ruleId());
        if (f.location() != null) {
          fn.put("location", f.location());
        }
        fn.put("message", f.message());
      }
      out.println(node.toPrettyString());
    } else {
      for (Finding f : findings) {
        out.printf(Locale.ROOT, "%-8s %s %s%n         %s%n", f.severity().label(), f.ruleId(),
            f.location() == null ? "" : f.location(), f.message());
      }
      out.printf(Locale.ROOT, "snapshot %s in %s: %d objects (%d encrypted), %d bytes, %d outside the plan's namespaces%n",
          manifest.snapshotId(), store.describe(), result.objects(), manifest.encryptedCount(),
          manifest.storedBytes(), result.skipped());
      out.println("root digest sha256:" + manifest.rootDigest());
    }
    out.flush();
  }
}
