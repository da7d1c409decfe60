package dev.umzug.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("age interoperability")
class AgeInteropTest {

  @TempDir Path dir;

  private static byte[] payload() {
    // more than one 64 KiB age chunk, so chunking is exercised
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 200_000; i++) {
      b.append("line ").append(i).append(" grüße\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] encrypt(byte[] plain, String recipient) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream enc = AgeEncryption.encrypt(sink, List.of(recipient))) {
      enc.write(plain);
    }
    return sink.toByteArray();
  }

  @Test
  @DisplayName("what we encrypt, jagged's own decrypting channel reads with the identity file's key")
  void jaggedReadsOurOutput() throws Exception {
    KeyGenerator.GeneratedKeys keys = KeyGenerator.generate(dir.resolve("keys"), Instant.EPOCH);
    byte[] cipher = encrypt(payload(), keys.recipient());
    String secretKey = Files.readAllLines(keys.files().get(0)).stream()
        .filter(l -> l.startsWith("AGE-SECRET-KEY-1")).findFirst().orElseThrow();
    ReadableByteChannel in = new StandardDecryptingChannelFactory().newDecryptingChannel(
        Channels.newChannel(new java.io.ByteArrayInputStream(cipher)),
        List.of(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(secretKey)));
    try (InputStream plain = Channels.newInputStream(in)) {
      assertThat(plain.readAllBytes()).isEqualTo(payload());
    }
    assertThat(new String(cipher, 0, 22, StandardCharsets.US_ASCII)).isEqualTo("age-encryption.org/v1\n");
  }

  @Test
  @DisplayName("the age command line decrypts our output and we decrypt its output (skipped without age)")
  void ageCliBothWays() throws Exception {
    Assumptions.assumeTrue(onPath("age"), "the age command is not installed");
    KeyGenerator.GeneratedKeys keys = KeyGenerator.generate(dir.resolve("keys"), Instant.EPOCH);
    Path identityFile = keys.files().get(0);
    Path ours = Files.write(dir.resolve("ours.age"), encrypt(payload(), keys.recipient()));
    Path decrypted = dir.resolve("ours.txt");
    run("age", "-d", "-i", identityFile.toString(), "-o", decrypted.toString(), ours.toString());
    assertThat(Files.readAllBytes(decrypted)).isEqualTo(payload());

    Path plain = Files.write(dir.resolve("theirs.txt"), payload());
    Path theirs = dir.resolve("theirs.age");
    run("age", "-r", keys.recipient(), "-o", theirs.toString(), plain.toString());
    try (InputStream in = AgeEncryption.decrypt(Files.newInputStream(theirs), AgeIdentity.read(identityFile), "theirs.age")) {
      assertThat(in.readAllBytes()).isEqualTo(payload());
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }
}
