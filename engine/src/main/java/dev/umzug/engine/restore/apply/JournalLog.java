package dev.umzug.engine.restore.apply;

import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.restore.JournalEntry.Outcome;
import dev.umzug.engine.restore.RestoreJournal;
import dev.umzug.engine.restore.RestoreJournal.Decision;
import java.io.IOException;

/**
 * The restore's journal shared by all workers, with group commit: a worker appends its entry, then
 * waits until a flush covers it; one flush serves every entry appended before it started, so
 * sixteen workers do not queue for sixteen flushes. An entry is on disk before {@link #record}
 * returns, so a {@link Outcome#STARTED} entry is durable before the request it announces is sent.
 * A dry run has no journal and records nothing.
 */
final class JournalLog {

  private final RestoreJournal journal;
  private final Object flushLock = new Object();
  private long appended;
  private long flushed;

  JournalLog(RestoreJournal journal) {
    this.journal = journal;
  }

  boolean present() {
    return journal != null;
  }

  synchronized Decision decide(RestoreTask task) {
    return journal == null ? Decision.APPLY : journal.decide(task.ref(), task.digest());
  }

  void record(RestoreTask task, Outcome outcome, String reason) {
    if (journal == null) {
      return;
    }
    try {
      long mine;
      synchronized (this) {
        journal.appendUnforced(task.ref(), task.digest(), task.step(), outcome, reason);
        mine = ++appended;
      }
      synchronized (flushLock) {
        if (flushed < mine) {
          long upTo;
          synchronized (this) {
            upTo = appended;
          }
          journal.force();
          flushed = upTo;
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot write the restore journal: " + e.getMessage(), e);
    }
  }
}
