package dev.umzug.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.cli.internal.ExitCode;
import dev.umzug.cli.options.OutputFormat;
import dev.umzug.cli.options.OutputOptions;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.snapshot.AgeIdentity;
import dev.umzug.engine.snapshot.ManifestItem;
import dev.umzug.engine.snapshot.ManifestVerifier;
import dev.umzug.engine.snapshot.SigningKeys;
import dev.umzug.engine.snapshot.SnapshotManifest;
import dev.umzug.engine.snapshot.SnapshotSummary;
import dev.umzug.engine.snapshot.SnapshotVerification;
import dev.umzug.engine.snapshot.SnapshotVerifier;
import dev.umzug.engine.snapshot.Snapshots;
import dev.umzug.engine.snapshot.VerificationProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code umzug snapshots list|show|delete}: the snapshots in a store. */
@Command(
    name = "snapshots",
    mixinStandardHelpOptions = true,
    description = "Lists, shows, verifies and deletes the snapshots in a store (docs/snapshot-format.md).",
    subcommands = {SnapshotsCommand.ListSnapshots.class, SnapshotsCommand.Show.class, SnapshotsCommand.Delete.class})
public final class SnapshotsCommand implements Runnable {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The store option every subcommand takes. */
  static final class StoreOption {
    @Option(names = "--store", required = true, paramLabel = "LOCATION",
        description = "The snapshot store: a local directory or s3://bucket/prefix.")
    String store;

    private dev.umzug.engine.spi.SnapshotStore opened;

    dev.umzug.engine.spi.SnapshotStore open() {
      if (opened == null) {
        opened = new dev.umzug.engine.registry.Locations(dev.umzug.engine.registry.Registry.load()).store(store, false);
      }
      return opened;
    }

    Snapshots snapshots() {
      return new Snapshots(open());
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Lists every snapshot in the store, complete or not; an incomplete one (no manifest: interrupted"
            + " or still being written) is marked as such. Nothing is verified: use show --verify.",
        "Exit codes: 0 ok, 2 no such store, 4 store unreadable."
      })
  static final class ListSnapshots implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;
    @Mixin StoreOption store;

    @Override
    public Integer call() throws Exception {
      List<SnapshotSummary> list = store.snapshots().list();
      PrintWriter out = spec.commandLine().getOut();
      if (output.format == OutputFormat.json) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(s -> a.add(summaryJson(s)));
        out.println(JSON.writeValueAsString(a));
      } else if (output.format == OutputFormat.markdown) {
        out.println("| snapshot | state | created | items | encrypted | bytes |");
        out.println("|---|---|---|---:|---:|---:|");
        for (SnapshotSummary s : list) {
          out.println("| " + s.id() + " | " + state(s) + " | " + s.manifest().map(SnapshotManifest::createdAt).orElse("")
              + " | " + s.manifest().map(m -> String.valueOf(m.items().size())).orElse("") + " | "
              + s.manifest().map(m -> String.valueOf(m.encryptedCount())).orElse("") + " | " + s.storedBytes() + " |");
        }
      } else {
        out.printf(Locale.ROOT, "%-32s %-11s %-21s %6s %9s %12s%n", "SNAPSHOT", "STATE", "CREATED", "ITEMS", "ENCRYPTED", "BYTES");
        for (SnapshotSummary s : list) {
          out.printf(Locale.ROOT, "%-32s %-11s %-21s %6s %9s %12d%n", s.id(), state(s),
              s.manifest().map(SnapshotManifest::createdAt).orElse("-"),
              s.manifest().map(m -> String.valueOf(m.items().size())).orElse("-"),
              s.manifest().map(m -> String.valueOf(m.encryptedCount())).orElse("-"), s.storedBytes());
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Prints a snapshot's manifest summary. With --verify, checks the manifest signature against"
            + " --public-key, every item's size and SHA-256, and that no item is missing or unlisted;"
            + " with --identity also decrypts every encrypted item.",
        "Exit codes: 0 ok, 2 usage or no such snapshot, 4 store unreadable, 6 verification failed."
      })
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;
    @Mixin StoreOption store;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "The snapshot id.")
    String id;

    @Option(names = "--verify", description = "Verify signature and digests.")
    boolean verify;

    @Option(names = "--public-key", paramLabel = "FILE",
        description = "The trusted Ed25519 public key (signing-key.pub.pem) for --verify.")
    Path publicKey;

    @Option(names = "--identity", paramLabel = "FILE",
        description = "An age identity file; with --verify, encrypted items are decrypted too.")
    Path identity;

    @Override
    public Integer call() throws Exception {
      if (verify && publicKey == null) {
        throw new ParameterException(spec.commandLine(), "--verify needs --public-key FILE (the trusted signing key)");
      }
      Snapshots snapshots = store.snapshots();
      SnapshotSummary summary = snapshots.show(id);
      Optional<SnapshotVerification> verification = Optional.empty();
      if (verify) {
        verification = Optional.of(
            new SnapshotVerifier(store.open(), new ManifestVerifier(SigningKeys.readPublic(publicKey)),
                Optional.ofNullable(identity).map(AgeIdentity::read)).verify(id));
      }
      render(spec.commandLine().getOut(), summary, verification);
      if (verification.isPresent()) {
        return verification.get().ok() ? 0 : ExitCode.VERIFICATION_FAILED.code();
      }
      return 0;
    }

    private void render(PrintWriter out, SnapshotSummary s, Optional<SnapshotVerification> v) throws Exception {
      if (output.format == OutputFormat.json) {
        ObjectNode n = summaryJson(s);
        s.manifest().ifPresent(m -> {
          n.put("rootDigest", m.rootDigest());
          n.put("signingKeyId", m.signerKeySha256());
          ArrayNode items = n.putArray("items");
          for (ManifestItem i : m.items()) {
            ObjectNode in = items.addObject();
            in.put("key", i.key());
            in.put("ref", i.ref().toString());
            in.put("size", i.size());
            in.put("sha256", i.sha256());
            in.put("encrypted", i.encrypted());
          }
        });
        v.ifPresent(r -> {
          ObjectNode vn = n.putObject("verification");
          vn.put("ok", r.ok());
          vn.put("itemsChecked", r.itemsChecked());
          ArrayNode problems = vn.putArray("problems");
          for (VerificationProblem p : r.problems()) {
            ObjectNode pn = problems.addObject();
            pn.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            pn.put("key", p.key());
            pn.put("message", p.message());
          }
        });
        out.println(JSON.writeValueAsString(n));
        out.flush();
        return;
      }
      String b = output.format == OutputFormat.markdown ? "- " : "";
      out.println(b + "snapshot:    " + s.id() + " (" + state(s) + ")");
      s.manifest().ifPresentOrElse(m -> {
        out.println(b + "created:     " + m.createdAt());
        out.println(b + "items:       " + m.items().size() + " (" + m.encryptedCount() + " encrypted), "
            + m.storedBytes() + " bytes");
        out.println(b + "root digest: " + m.rootDigest());
        out.println(b + "signed by:   " + m.signerKeySha256());
      }, () -> out.println(b + "objects:     " + s.storedObjects() + " (" + s.storedBytes() + " bytes), no readable manifest"));
      v.ifPresent(r -> {
        out.println(b + "verified:    " + (r.ok() ? "ok, " + r.itemsChecked() + " items checked" : r.problems().size() + " problem(s)"));
        for (VerificationProblem p : r.problems()) {
          out.println("  " + p.kind().name().toLowerCase(Locale.ROOT) + "  " + p);
        }
      });
      out.flush();
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Deletes a snapshot (the manifest first, so an interrupted delete leaves an incomplete snapshot)."
            + " Asks for --yes.",
        "Exit codes: 0 ok, 2 usage or no such snapshot, 4 store not writable."
      })
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;
    @Mixin StoreOption store;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "The snapshot id.")
    String id;

    @Option(names = "--yes", description = "Really delete.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
      Snapshots snapshots = store.snapshots();
      snapshots.show(id); // fails for an unknown id, with or without --yes
      if (!yes) {
        throw new InvalidInputException("snapshot " + id + " not deleted: pass --yes to delete it");
      }
      int deleted = snapshots.delete(id);
      PrintWriter out = spec.commandLine().getOut();
      if (output.format == OutputFormat.json) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("deletedObjects", deleted);
        out.println(JSON.writeValueAsString(n));
      } else {
        out.println("deleted snapshot " + id + " (" + deleted + " objects)");
      }
      out.flush();
      return 0;
    }
  }

  static String state(SnapshotSummary s) {
    return s.state().name().toLowerCase(Locale.ROOT);
  }

  static ObjectNode summaryJson(SnapshotSummary s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", s.id());
    n.put("state", state(s));
    n.put("complete", s.state() == SnapshotSummary.State.COMPLETE);
    s.manifest().ifPresent(m -> {
      n.put("createdAt", m.createdAt());
      n.put("items", m.items().size());
      n.put("encryptedItems", m.encryptedCount());
    });
    n.put("storedObjects", s.storedObjects());
    n.put("storedBytes", s.storedBytes());
    return n;
  }
}
