package dev.umzug.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.snapshot.CanonicalJson;
import dev.umzug.engine.spi.ResourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The journal's line format: {@code <canonical JSON>} TAB {@code <SHA-256 hex of those JSON bytes>}
 * LF. Canonical JSON escapes every control character, so neither TAB nor LF can occur inside the
 * JSON. Line 0 is a header naming the format and the snapshot; entry lines follow with sequence
 * numbers 1, 2, 3, ...
 */
final class JournalCodec {

  static final String FORMAT = "umzug-restore-journal/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The result of reading a journal's bytes. */
  record Contents(String snapshotDigest, List<JournalEntry> entries, long validLength, long tornBytes) {}

  private JournalCodec() {}

  static byte[] header(String snapshotDigest) {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", 0);
    n.put("format", FORMAT);
    n.put("snapshot", snapshotDigest);
    return line(n);
  }

  static byte[] entry(JournalEntry e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", e.sequence());
    ObjectNode ref = n.putObject("ref");
    ref.put("group", e.ref().group());
    ref.put("kind", e.ref().kind());
    if (e.ref().namespace() != null) {
      ref.put("namespace", e.ref().namespace());
    }
    ref.put("name", e.ref().name());
    n.put("digest", e.digest());
    n.put("step", e.step());
    n.put("outcome", e.outcome().name());
    n.put("reason", e.reason());
    return line(n);
  }

  private static byte[] line(JsonNode n) {
    byte[] json = CanonicalJson.toBytes(n);
    String text = new String(json, StandardCharsets.UTF_8) + "\t" + sha256(json) + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a journal. A last line without its LF is a write torn by a crash: it is ignored and
   * counted in {@link Contents#tornBytes()}. A complete line whose checksum, JSON or sequence number
   * is wrong cannot come from a crash of an append-only writer and is refused.
   */
  static Contents read(byte[] bytes) throws JournalCorruptedException {
    List<JournalEntry> entries = new ArrayList<>();
    String snapshot = null;
    int pos = 0;
    long lineNo = 0;
    while (true) {
      int nl = indexOf(bytes, (byte) '\n', pos);
      if (nl < 0) {
        break;
      }
      JsonNode n = verified(Arrays.copyOfRange(bytes, pos, nl), lineNo + 1);
      if (n.path("seq").asLong(-1) != lineNo) {
        throw new JournalCorruptedException("line " + (lineNo + 1) + ": sequence number "
            + n.path("seq").asText("?") + ", expected " + lineNo);
      }
      if (lineNo == 0) {
        if (!FORMAT.equals(n.path("format").asText())) {
          throw new JournalCorruptedException("line 1: not a " + FORMAT + " header");
        }
        snapshot = n.path("snapshot").asText();
      } else {
        entries.add(toEntry(n, lineNo + 1));
      }
      lineNo++;
      pos = nl + 1;
    }
    return new Contents(snapshot, List.copyOf(entries), pos, bytes.length - pos);
  }

  private static JsonNode verified(byte[] line, long lineNo) throws JournalCorruptedException {
    String text = new String(line, StandardCharsets.UTF_8);
    int tab = text.lastIndexOf('\t');
    if (tab < 0 || !sha256(text.substring(0, tab).getBytes(StandardCharsets.UTF_8)).equals(text.substring(tab + 1))) {
      throw new JournalCorruptedException("line " + lineNo + ": checksum does not match");
    }
    try {
      return JSON.readTree(text.substring(0, tab));
    } catch (IOException e) {
      throw new JournalCorruptedException("line " + lineNo + ": not JSON");
    }
  }

  private static JournalEntry toEntry(JsonNode n, long lineNo) throws JournalCorruptedException {
    try {
      JsonNode r = n.path("ref");
      ResourceRef ref = new ResourceRef(r.path("group").asText(), r.path("kind").asText(),
          r.path("namespace").asText(null), r.path("name").asText());
      return new JournalEntry(n.path("seq").asLong(), ref, n.path("digest").asText(), n.path("step").asText(),
          JournalEntry.Outcome.valueOf(n.path("outcome").asText()), n.path("reason").asText());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new JournalCorruptedException("line " + lineNo + ": not a journal entry");
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
