package dev.umzug.engine.snapshot;

/**
 * One thing wrong with a snapshot, naming the object at fault.
 *
 * @param kind what is wrong
 * @param key the object, relative to the snapshot: {@code manifest.json}, {@code manifest.sig} or
 *     an item key
 * @param message one line for people; never contains object content
 */
public record VerificationProblem(Kind kind, String key, String message) {

  public enum Kind {
    /** manifest.json is absent: the snapshot was never finished. */
    MANIFEST_MISSING,
    /** manifest.json cannot be read, or does not hold together (e.g. its root digest). */
    MANIFEST_INVALID,
    SIGNATURE_MISSING,
    /** The signature is not the trusted key's signature over manifest.json. */
    SIGNATURE_INVALID,
    /** The manifest names another signing key than the trusted one. */
    SIGNED_BY_OTHER_KEY,
    /** A listed item is not in the store. */
    ITEM_MISSING,
    /** A listed item's size or SHA-256 differs from the manifest. */
    ITEM_DIGEST_MISMATCH,
    /** A plain item's canonical content differs from the manifest's contentSha256. */
    CONTENT_DIGEST_MISMATCH,
    /** An item cannot be read, parsed or decrypted. */
    ITEM_UNREADABLE,
    /** An object in the snapshot's directory that the manifest does not list. */
    UNLISTED_ITEM
  }

  @Override
  public String toString() {
    return key + ": " + message;
  }
}
