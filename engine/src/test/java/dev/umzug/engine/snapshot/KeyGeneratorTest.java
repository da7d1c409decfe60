package dev.umzug.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Key generation")
class KeyGeneratorTest {

  @TempDir Path dir;

  @Test
  @DisplayName("writes an age identity and an Ed25519 key pair, secrets with mode 0600, and reads them back")
  void generates() throws Exception {
    KeyGenerator.GeneratedKeys keys = KeyGenerator.generate(dir, Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(keys.recipient()).matches("age1[02-9ac-hj-np-z]{58}");
    Path identity = dir.resolve("age-identity.txt");
    assertThat(Files.readString(identity)).startsWith("# created: 2026-03-01T10:00:00Z\n# public key: " + keys.recipient() + "\nAGE-SECRET-KEY-1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing-key.pem")))).isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("signing-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(dir.resolve("signing-key.pub.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
    KeyPair pair = SigningKeys.readPair(dir.resolve("signing-key.pem"));
    assertThat(SigningKeys.keyId(pair.getPublic())).isEqualTo(keys.signingKeyId());
    assertThat(AgeIdentity.read(identity).toString()).doesNotContain("AGE-SECRET-KEY");
  }

  @Test
  @DisplayName("refuses to overwrite any existing key file, and writes nothing then")
  void refusesOverwrite() throws Exception {
    Files.writeString(dir.resolve("signing-key.pub.pem"), "keep me");
    assertThatThrownBy(() -> KeyGenerator.generate(dir, Instant.EPOCH))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("signing-key.pub.pem: exists");
    assertThat(dir.resolve("age-identity.txt")).doesNotExist();
    assertThat(Files.readString(dir.resolve("signing-key.pub.pem"))).isEqualTo("keep me");
  }

  @Test
  @DisplayName("an identity file with a broken key names the line, never the key")
  void brokenIdentity() throws Exception {
    Path file = Files.writeString(dir.resolve("id.txt"), "# comment\nAGE-SECRET-KEY-1NOTAKEY\n");
    assertThatThrownBy(() -> AgeIdentity.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("id.txt:2")
        .hasMessageNotContaining("NOTAKEY");
  }
}
