package dev.umzug.engine.plan;

import java.util.List;

/**
 * Client-side encryption of what goes into the store.
 *
 * @param recipients age X25519 recipients ({@code age1...}); empty means no encryption
 */
public record EncryptionSpec(List<String> recipients) {

  private static final EncryptionSpec NONE = new EncryptionSpec(List.of());

  public EncryptionSpec {
    recipients = List.copyOf(recipients);
  }

  public static EncryptionSpec none() {
    return NONE;
  }

  public boolean enabled() {
    return !recipients.isEmpty();
  }
}
