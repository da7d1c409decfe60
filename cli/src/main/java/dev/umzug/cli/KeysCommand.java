package dev.umzug.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.cli.options.OutputFormat;
import dev.umzug.cli.options.OutputOptions;
import dev.umzug.engine.snapshot.KeyGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code umzug keys}: the keys that encrypt Secrets and sign snapshot manifests. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manages the keys that encrypt Secrets in snapshots and sign their manifests.",
    subcommands = {KeysCommand.Generate.class})
public final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code umzug keys generate --out DIR}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Writes an age X25519 identity (age-identity.txt, mode 0600), an Ed25519 signing key"
            + " (signing-key.pem, mode 0600) and its public key (signing-key.pub.pem) into DIR,"
            + " and prints the age recipient for the plan's spec.encryption.recipients.",
        "Never overwrites a key file. Exit codes: 0 ok, 2 a key file exists, 4 DIR not writable."
      })
  static final class Generate implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin OutputOptions output;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files.")
    Path out;

    @Override
    public Integer call() throws Exception {
      KeyGenerator.GeneratedKeys keys = KeyGenerator.generate(out, Instant.now());
      PrintWriter w = spec.commandLine().getOut();
      if (output.format == OutputFormat.json) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("recipient", keys.recipient());
        n.put("signingKeyId", keys.signingKeyId());
        n.put("identityFile", Paths.display(keys.files().get(0)).toString());
        n.put("signingKeyFile", Paths.display(keys.files().get(1)).toString());
        n.put("signingPublicKeyFile", Paths.display(keys.files().get(2)).toString());
        w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n));
      } else {
        String bullet = output.format == OutputFormat.markdown ? "- " : "";
        w.println(bullet + "age recipient:   " + keys.recipient());
        w.println(bullet + "signing key id:  " + keys.signingKeyId());
        for (Path p : keys.files()) {
          w.println(bullet + "wrote            " + Paths.display(p));
        }
        w.println(bullet + "Keep age-identity.txt and signing-key.pem secret and backed up:"
            + " without the identity, encrypted Secrets cannot be restored.");
      }
      w.flush();
      return 0;
    }
  }
}
