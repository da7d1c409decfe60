package dev.umzug.engine.restore;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.restore.JournalEntry.Outcome;
import dev.umzug.engine.spi.ResourceRef;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of what a restore applied, in a local append-only file, so that a rerun after a crash
 * never applies an object twice with different content.
 *
 * <p><b>Format</b> ({@link JournalCodec}): one line per entry, {@code <canonical JSON> TAB <SHA-256
 * of the JSON> LF}; line 1 is a header naming the format and the snapshot's root digest. Every
 * append is one write followed by {@code force}, so a crash can only leave the last line without
 * its LF. On open that torn tail is reported ({@link #tornBytes()}) and cut off before anything is
 * appended. A complete line that fails its checksum is not a crash artifact and stops the restore
 * ({@link JournalCorruptedException}).
 *
 * <p><b>Protocol</b>: the restorer asks {@link #decide}, writes {@link Outcome#STARTED} with the
 * digest it is about to apply, applies, then writes the result. After a crash, {@link
 * #unresolved()} lists the objects whose apply may or may not have happened; the restorer reads each
 * back from the cluster and records the result before continuing ({@link #last()} is the newest
 * entry, which is one of them when the crash hit during an apply).
 *
 * <p><b>Where</b>: a local file, not the {@link dev.umzug.engine.spi.SnapshotStore}: the store has
 * no append, and one object per journal line would make an S3 put per applied object. An archived
 * copy belongs in the store as immutable numbered segments (docs/verify.md, "Restore journal").
 *
 * <p>Not thread-safe; parallel appliers share one journal through a single writer.
 */
public final class RestoreJournal implements Closeable {

  /** What a rerun must do with an object. */
  public enum Decision {
    /** Not applied yet with this content (or only failed or skipped): apply it. */
    APPLY,
    /** Already applied with exactly this digest: skip it. */
    SKIP_ALREADY_APPLIED,
    /** Applied (or maybe applied) with another digest: stop, never overwrite silently. */
    CONFLICT_DIFFERENT_DIGEST
  }

  private final FileChannel channel;
  private final List<JournalEntry> entries;
  private final Map<ResourceRef, List<JournalEntry>> byRef = new HashMap<>();
  private final long tornBytes;
  private final boolean durable;

  private RestoreJournal(FileChannel channel, List<JournalEntry> entries, long tornBytes, boolean durable) {
    this.channel = channel;
    this.durable = durable;
    this.entries = new ArrayList<>(entries);
    this.tornBytes = tornBytes;
    entries.forEach(this::index);
  }

  /**
   * Opens a journal, creating it with a header when absent (or when a crash tore its header), and
   * cuts off a torn last line.
   *
   * @param snapshotDigest root digest of the snapshot being restored; a journal of another snapshot
   *     is refused
   */
  public static RestoreJournal open(Path file, String snapshotDigest) throws IOException {
    return open(file, snapshotDigest, true);
  }

  /** With {@code durable=false} nothing is forced to disk: only for tests that open thousands of journals. */
  static RestoreJournal open(Path file, String snapshotDigest, boolean durable) throws IOException {
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    JournalCodec.Contents contents = JournalCodec.read(bytes);
    if (contents.snapshotDigest() != null && !contents.snapshotDigest().equals(snapshotDigest)) {
      throw new InvalidInputException(file + ": journal of snapshot " + contents.snapshotDigest()
          + ", not of " + snapshotDigest + "; use a new journal for another snapshot");
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      channel.truncate(contents.validLength());
      channel.position(contents.validLength());
      if (contents.snapshotDigest() == null) {
        write(channel, JournalCodec.header(snapshotDigest));
      }
      if (durable) {
        channel.force(true);
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new RestoreJournal(channel, contents.entries(), contents.tornBytes(), durable);
  }

  /** Appends one entry and forces it to disk before returning. */
  public JournalEntry append(ResourceRef ref, String digest, String step, Outcome outcome, String reason)
      throws IOException {
    JournalEntry entry = appendUnforced(ref, digest, step, outcome, reason);
    force();
    return entry;
  }

  /**
   * Appends one entry without waiting for the disk; {@link #force()} makes it durable. Lets
   * parallel workers share one flush (group commit): each appends, then forces, and a force that
   * finds its entry already flushed by another worker's force returns at once.
   */
  public JournalEntry appendUnforced(ResourceRef ref, String digest, String step, Outcome outcome, String reason)
      throws IOException {
    JournalEntry entry = new JournalEntry(entries.size() + 1L, ref, digest, step, outcome, reason);
    write(channel, JournalCodec.entry(entry));
    entries.add(entry);
    index(entry);
    return entry;
  }

  /** Forces every entry appended so far to disk. Safe to call from any thread. */
  public void force() throws IOException {
    if (durable) {
      channel.force(false);
    }
  }

  /**
   * What to do with {@code ref} whose content now has {@code digest}: skip it when its newest
   * completed entry applied this digest; conflict when any entry applied, or may have applied,
   * another digest; apply otherwise (never applied, only failed or skipped, or a {@link
   * Outcome#STARTED} of this same digest whose result is unknown; applying again is idempotent).
   */
  public Decision decide(ResourceRef ref, String digest) {
    List<JournalEntry> history = byRef.getOrDefault(ref, List.of());
    boolean appliedThis = false;
    for (JournalEntry e : history) {
      if (e.outcome().mayHaveApplied() && !e.digest().equals(digest)) {
        return Decision.CONFLICT_DIFFERENT_DIGEST;
      }
      appliedThis |= e.outcome().applied();
    }
    return appliedThis ? Decision.SKIP_ALREADY_APPLIED : Decision.APPLY;
  }

  /** The digest last applied to {@code ref}, if any. */
  public Optional<String> appliedDigest(ResourceRef ref) {
    List<JournalEntry> history = byRef.getOrDefault(ref, List.of());
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).outcome().applied()) {
        return Optional.of(history.get(i).digest());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether this restore may have put {@code ref} on the cluster: an entry applied it, or its newest
   * entry is a {@link Outcome#STARTED} with no result, as a crash after the write and before its
   * result leaves it. A start followed by a failure or a skip is not.
   */
  public boolean mayHaveApplied(ResourceRef ref) {
    List<JournalEntry> history = byRef.getOrDefault(ref, List.of());
    return appliedDigest(ref).isPresent()
        || (!history.isEmpty() && history.get(history.size() - 1).outcome() == Outcome.STARTED);
  }

  /** The newest entry: the first thing a rerun re-checks against the cluster. */
  public Optional<JournalEntry> last() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  /** {@link Outcome#STARTED} entries with no later result for the same object, in journal order. */
  public List<JournalEntry> unresolved() {
    Map<ResourceRef, JournalEntry> open = new LinkedHashMap<>();
    for (JournalEntry e : entries) {
      if (e.outcome() == Outcome.STARTED) {
        open.put(e.ref(), e);
      } else {
        open.remove(e.ref());
      }
    }
    return List.copyOf(open.values());
  }

  public List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** Bytes of a torn last line found and cut off on open; 0 when the journal was intact. */
  public long tornBytes() {
    return tornBytes;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void index(JournalEntry e) {
    byRef.computeIfAbsent(e.ref(), k -> new ArrayList<>()).add(e);
  }

  private static void write(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
