package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.restore.RestoreItem;
import dev.umzug.engine.snapshot.AgeEncryption;
import dev.umzug.engine.snapshot.CanonicalJson;
import dev.umzug.engine.spi.ResourceRef;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The rewritten form of every object a restore applies, kept beside its journal: one canonical JSON
 * line per object, {@code {"digest":…,"object":…,"ref":…}}, in the order of the intent, the digest
 * being the one the journal records. It holds Secrets in plain text, so the whole file is encrypted
 * to the plan's age recipients ({@code age -d -i identity FILE} reads it). Written whole to a
 * temporary file and moved into place, so a crash never leaves half a record.
 */
public final class IntentRecord {

  public static final String SUFFIX = ".intent.jsonl.age";

  private static final ObjectMapper JSON = new ObjectMapper();

  private IntentRecord() {}

  /** The record's file for a journal file. */
  public static Path beside(Path journal) {
    return journal.resolveSibling(journal.getFileName() + SUFFIX);
  }

  /**
   * @param recipients the plan's age recipients; at least one
   */
  public static Path write(Path journal, List<RestoreItem> items, List<String> recipients) {
    Path file = beside(journal);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
          OutputStream out = AgeEncryption.encrypt(raw, recipients)) {
        for (RestoreItem item : items) {
          ObjectNode line = JSON.createObjectNode();
          line.put("digest", CanonicalJson.sha256(item.content()));
          line.set("object", item.content());
          line.set("ref", ref(item.ref()));
          CanonicalJson.write(line, out);
          out.write('\n');
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
      throw new OutputException(file + ": cannot write the restore's intent record: " + e.getMessage(), e);
    }
  }

  private static ObjectNode ref(ResourceRef ref) {
    ObjectNode n = JSON.createObjectNode().put("group", ref.group()).put("kind", ref.kind()).put("name", ref.name());
    if (ref.namespace() != null) {
      n.put("namespace", ref.namespace());
    }
    return n;
  }
}
