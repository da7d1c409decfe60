package dev.umzug.engine.snapshot;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.OutputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the keys of one operator in a directory:
 *
 * <ul>
 *   <li>{@code age-identity.txt}: an age X25519 identity in {@code age-keygen}'s format, mode 0600;
 *       its recipient ({@code age1...}) goes into the plan's {@code spec.encryption.recipients};
 *   <li>{@code signing-key.pem}: the Ed25519 key that signs manifests, PKCS#8 PEM, mode 0600;
 *   <li>{@code signing-key.pub.pem}: its public key, X.509 PEM, mode 0644, for verifiers.
 * </ul>
 *
 * Nothing is overwritten: if any of the three exists, nothing is written.
 */
public final class KeyGenerator {

  public static final String IDENTITY_FILE = "age-identity.txt";
  public static final String SIGNING_KEY_FILE = "signing-key.pem";
  public static final String SIGNING_PUBLIC_FILE = "signing-key.pub.pem";

  /**
   * What was generated.
   *
   * @param recipient the age recipient, {@code age1...}
   * @param signingKeyId SHA-256 of the signing public key, as in manifests
   * @param files the files written, identity first
   */
  public record GeneratedKeys(String recipient, String signingKeyId, List<Path> files) {}

  private KeyGenerator() {}

  public static GeneratedKeys generate(Path dir, Instant now) {
    Path identityFile = dir.resolve(IDENTITY_FILE);
    Path signingFile = dir.resolve(SIGNING_KEY_FILE);
    Path publicFile = dir.resolve(SIGNING_PUBLIC_FILE);
    for (Path p : List.of(identityFile, signingFile, publicFile)) {
      if (Files.exists(p)) {
        throw new InvalidInputException(p + ": exists; umzug never overwrites a key file");
      }
    }
    KeyPair age;
    try {
      age = new X25519KeyPairGenerator().generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 key generation failed", e);
    }
    String recipient = age.getPublic().toString();
    KeyPair signing = SigningKeys.generate();
    String keyId = SigningKeys.keyId(signing.getPublic());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new OutputException(dir + ": cannot create the key directory: " + LocalDirectoryStore.reason(e), e);
    }
    List<Path> written = new ArrayList<>();
    try {
      write(identityFile, true,
          "# created: " + now + "\n# public key: " + recipient + "\n" + age.getPrivate() + "\n");
      written.add(identityFile);
      write(signingFile, true, SigningKeys.privatePem(signing.getPrivate()));
      written.add(signingFile);
      write(publicFile, false, SigningKeys.publicPem(signing.getPublic()));
      written.add(publicFile);
    } catch (FileAlreadyExistsException e) {
      rollBack(written);
      throw new InvalidInputException(e.getFile() + ": exists; umzug never overwrites a key file");
    } catch (IOException e) {
      rollBack(written);
      throw new OutputException(dir + ": cannot write the key files: " + LocalDirectoryStore.reason(e), e);
    }
    return new GeneratedKeys(recipient, keyId, List.copyOf(written));
  }

  /** Creates the file (never replacing one) with its final permissions before any byte is written. */
  private static void write(Path file, boolean secret, String content) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"))}
        : new FileAttribute<?>[0];
    Files.createFile(file, attrs);
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
      out.write(content.getBytes(StandardCharsets.US_ASCII));
    }
    if (posix && secret) {
      // the umask can only remove bits; make sure no group or other bit was ever granted
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static void rollBack(List<Path> written) {
    for (Path p : written) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
