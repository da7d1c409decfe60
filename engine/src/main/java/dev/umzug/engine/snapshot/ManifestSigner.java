package dev.umzug.engine.snapshot;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs manifests with Ed25519 (RFC 8032, pure, no pre-hash), so that {@code openssl pkeyutl
 * -verify -rawin} checks the signature. manifest.sig holds the raw 64-byte signature over the exact
 * bytes of manifest.json.
 */
public final class ManifestSigner {

  private final KeyPair keys;

  public ManifestSigner(KeyPair keys) {
    this.keys = keys;
  }

  /** The id written into the manifest: SHA-256 of the public key's SubjectPublicKeyInfo. */
  public String keyId() {
    return SigningKeys.keyId(keys.getPublic());
  }

  public byte[] sign(byte[] manifestBytes) {
    return sign(keys.getPrivate(), manifestBytes);
  }

  static byte[] sign(PrivateKey key, byte[] bytes) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(bytes);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }
}
