package dev.umzug.engine.plan;

/**
 * Checks that an age X25519 recipient ({@code age1...}) is well formed: the schema checks its
 * shape, this checks its bech32 checksum, so that a mistyped key is caught before anything is
 * encrypted to a key nobody holds.
 */
final class AgeRecipients {

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final String HRP = "age";
  private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  /** 32 key bytes are 52 five-bit groups, followed by a 6-group checksum. */
  private static final int DATA_GROUPS = 52;
  private static final int CHECKSUM_GROUPS = 6;

  private AgeRecipients() {}

  /** True when {@code recipient} is {@code age1}, 32 bytes and a matching bech32 checksum. */
  static boolean isValid(String recipient) {
    String prefix = HRP + "1";
    if (!recipient.startsWith(prefix)
        || recipient.length() != prefix.length() + DATA_GROUPS + CHECKSUM_GROUPS) {
      return false;
    }
    int checksum = 1;
    for (char c : HRP.toCharArray()) {
      checksum = step(checksum, c >> 5);
    }
    checksum = step(checksum, 0);
    for (char c : HRP.toCharArray()) {
      checksum = step(checksum, c & 31);
    }
    int last = 0;
    for (int i = prefix.length(); i < recipient.length(); i++) {
      int value = CHARSET.indexOf(recipient.charAt(i));
      if (value < 0) {
        return false;
      }
      if (i == prefix.length() + DATA_GROUPS - 1) {
        last = value;
      }
      checksum = step(checksum, value);
    }
    // 52 groups carry 260 bits for 256: the 4 padding bits must be zero
    return checksum == 1 && (last & 0xf) == 0;
  }

  private static int step(int checksum, int value) {
    int top = checksum >>> 25;
    int next = ((checksum & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < GENERATOR.length; i++) {
      if (((top >>> i) & 1) != 0) {
        next ^= GENERATOR[i];
      }
    }
    return next;
  }
}
