package dev.umzug.engine.registry;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.plan.LocalStore;
import dev.umzug.engine.plan.MigrationPlan;
import dev.umzug.engine.plan.S3Store;
import dev.umzug.engine.plan.StoreSpec;
import dev.umzug.engine.plan.VeleroBackupRef;
import dev.umzug.engine.snapshot.LocalDirectoryStore;
import dev.umzug.engine.source.ManifestDirectorySource;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreFactory;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Opens what a plan or a command line names: stores (a local directory, or {@code s3://bucket/prefix}
 * through a provider pack's factory) and sources (a manifests directory, or a Velero backup in a
 * bucket or in a local copy of one).
 */
public final class Locations {

  private final Registry registry;

  public Locations(Registry registry) {
    this.registry = registry;
  }

  /** The plan's store. */
  public SnapshotStore store(StoreSpec spec) {
    if (spec instanceof LocalStore local) {
      return LocalDirectoryStore.create(local.path());
    }
    S3Store s3 = (S3Store) spec;
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bucket", s3.bucket());
    settings.put("prefix", s3.prefix());
    s3.endpoint().ifPresent(e -> settings.put("endpoint", e));
    s3.region().ifPresent(r -> settings.put("region", r));
    settings.put("pathStyle", Boolean.toString(s3.pathStyle()));
    settings.put("credentials", switch (s3.credentials().source()) {
      case DEFAULT_CHAIN -> "default-chain";
      case ENVIRONMENT -> "environment";
      case PROFILE -> "profile";
    });
    s3.credentials().profile().ifPresent(p -> settings.put("profile", p));
    return open("s3", settings);
  }

  /** A store named on the command line: {@code s3://bucket[/prefix]} or a local directory. */
  public SnapshotStore store(String location, boolean create) {
    if (location.startsWith("s3://")) {
      String rest = location.substring("s3://".length());
      int slash = rest.indexOf('/');
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("bucket", slash < 0 ? rest : rest.substring(0, slash));
      settings.put("prefix", slash < 0 ? "" : rest.substring(slash + 1));
      return open("s3", settings);
    }
    return create ? LocalDirectoryStore.create(Path.of(location)) : LocalDirectoryStore.open(Path.of(location));
  }

  /** Where the plan's objects come from; {@code display} shortens paths for messages. */
  public ObjectSource source(MigrationPlan plan, UnaryOperator<Path> display) {
    if (plan.source().manifests().isPresent()) {
      return new ManifestDirectorySource(display.apply(plan.source().manifests().get().path()));
    }
    if (plan.source().veleroBackup().isPresent()) {
      return veleroBackup(plan.source().veleroBackup().get(), plan.file().getParent());
    }
    var namespaces = plan.namespaces().stream().map(dev.umzug.engine.plan.NamespaceSpec::name).toList();
    if (namespaces.isEmpty()) {
      throw new InvalidInputException(plan.file() + ": spec.namespaces: name the namespaces to read"
          + " from a live cluster (all of a cluster would include its system namespaces)");
    }
    return new dev.umzug.engine.source.cluster.ClusterObjectSource(
        plan.source().cluster().orElseThrow(),
        dev.umzug.engine.source.cluster.ClusterSourceOptions.of(namespaces).withRetries(2));
  }

  /**
   * A Velero backup. The bucket is an S3 bucket, or, when {@code bucket} names an existing directory
   * (relative to the plan) and no endpoint is given, a local copy of the bucket.
   */
  public ObjectSource veleroBackup(VeleroBackupRef ref, Path base) {
    var factory = registry.sourceFactory("velero-backup").orElseThrow(() ->
        new InvalidInputException("reading Velero backups needs the providers pack on the class path"));
    Path local = base == null ? Path.of(ref.bucket()) : base.resolve(ref.bucket());
    SnapshotStore bucket;
    if (ref.endpoint().isEmpty() && Files.isDirectory(local)) {
      bucket = LocalDirectoryStore.open(local);
    } else {
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("bucket", ref.bucket());
      settings.put("prefix", "");
      ref.endpoint().ifPresent(e -> settings.put("endpoint", e));
      ref.region().ifPresent(r -> settings.put("region", r));
      settings.put("pathStyle", Boolean.toString(ref.endpoint().isPresent()));
      bucket = open("s3", settings);
    }
    try {
      return factory.open(bucket, Map.of("prefix", ref.prefix(), "backup", ref.backup()));
    } catch (IOException e) {
      throw new OutputException(bucket.describe() + ": cannot read the Velero backup " + ref.backup()
          + ": " + e.getMessage(), e);
    }
  }

  private SnapshotStore open(String scheme, Map<String, String> settings) {
    StoreFactory factory = registry.storeFactory(scheme).orElseThrow(() ->
        new InvalidInputException(scheme + " stores need the providers pack on the class path"));
    try {
      return factory.open(settings);
    } catch (AccessDeniedException e) {
      throw new OutputException(scheme + "://" + settings.get("bucket") + ": access denied: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new OutputException(scheme + "://" + settings.get("bucket") + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(scheme + "://" + settings.get("bucket") + ": " + e.getMessage(), e);
    }
  }
}
