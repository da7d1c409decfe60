package dev.umzug.engine.snapshot;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Checks a manifest's Ed25519 signature against a public key the caller trusts. */
public final class ManifestVerifier {

  private final PublicKey trusted;

  public ManifestVerifier(PublicKey trusted) {
    this.trusted = trusted;
  }

  public String keyId() {
    return SigningKeys.keyId(trusted);
  }

  /** Whether {@code signature} is the trusted key's signature over exactly {@code manifestBytes}. */
  public boolean verify(byte[] manifestBytes, byte[] signature) {
    return signatureMatches(trusted, manifestBytes, signature);
  }

  static boolean signatureMatches(PublicKey key, byte[] bytes, byte[] signature) {
    if (signature == null || signature.length != 64) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(bytes);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
