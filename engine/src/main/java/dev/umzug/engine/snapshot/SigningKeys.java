package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signing keys in the PEM files that {@code openssl} reads and writes: the private key as
 * PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), the public key as X.509 SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}). A key's id is the SHA-256 of its SubjectPublicKeyInfo DER,
 * the same as {@code openssl pkey -pubin -in signing-key.pub.pem -outform DER | sha256sum}.
 */
public final class SigningKeys {

  private SigningKeys() {}

  public static KeyPair generate() {
    try {
      return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no Ed25519", e);
    }
  }

  /** SHA-256 of the public key's SubjectPublicKeyInfo DER, lower-case hex. */
  public static String keyId(PublicKey key) {
    return Digests.sha256Hex(key.getEncoded());
  }

  public static String privatePem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  public static String publicPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** Reads a public key file. */
  public static PublicKey readPublic(Path file) {
    byte[] der = der(file, "PUBLIC KEY");
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(file + ": not an Ed25519 public key");
    }
  }

  /**
   * Reads a private key file and the public key file beside it ({@code X.pem} and {@code X.pub.pem}),
   * and checks that they belong together.
   */
  public static KeyPair readPair(Path privateFile) {
    byte[] der = der(privateFile, "PRIVATE KEY");
    PrivateKey priv;
    try {
      priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(privateFile + ": not an Ed25519 private key");
    }
    Path publicFile = publicFileFor(privateFile);
    PublicKey pub = readPublic(publicFile);
    byte[] probe = "umzug key pair check".getBytes(StandardCharsets.US_ASCII);
    if (!ManifestVerifier.signatureMatches(pub, probe, ManifestSigner.sign(priv, probe))) {
      throw new InvalidInputException(publicFile + ": does not belong to the private key " + privateFile);
    }
    return new KeyPair(pub, priv);
  }

  /** {@code signing-key.pem} gives {@code signing-key.pub.pem}. */
  public static Path publicFileFor(Path privateFile) {
    String name = privateFile.getFileName().toString();
    String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
    return privateFile.resolveSibling(base + ".pub.pem");
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] der(Path file, String type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the key file", e);
    }
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new InvalidInputException(file + ": not a PEM file with a " + type + " block");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    } catch (IllegalArgumentException ex) {
      throw new InvalidInputException(file + ": the " + type + " block is not base64");
    }
  }
}
