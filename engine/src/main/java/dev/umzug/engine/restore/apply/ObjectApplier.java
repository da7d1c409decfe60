package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.plan.ConflictPolicy;
import dev.umzug.engine.restore.JournalEntry.Outcome;
import dev.umzug.engine.restore.RestoreJournal.Decision;
import dev.umzug.engine.restore.apply.ClusterScopedPolicy.Treatment;
import dev.umzug.engine.restore.apply.RestoreOptions.Strategy;
import dev.umzug.engine.restore.apply.TargetException.Kind;
import dev.umzug.engine.verify.FieldDifference;
import dev.umzug.engine.verify.IntentComparer;
import dev.umzug.engine.verify.IntentOverlay;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies one object: asks the journal, announces the apply, creates the object (or, when it
 * exists, compares it with the intent and acts by the conflict policy), and records the result.
 * Create comes first because on a fresh target almost nothing exists: one request per object.
 *
 * <p>Idempotent: an object found with the intended content is {@link ApplyOutcome#UNCHANGED},
 * which is also how a rerun settles an object whose apply a crash interrupted. A failure that no
 * retry cures becomes a {@link ApplyOutcome#FAILED} result with the server's (redacted) reason and a
 * journal entry; only {@link Kind#FATAL} failures (credentials, unreachable) propagate.
 */
final class ObjectApplier {

  /** Re-reads after a 409 Conflict on replace before giving up. */
  static final int CONFLICT_ATTEMPTS = 5;
  /** Attempts of a create refused with 404 (a namespace or type not served yet). */
  static final int NOT_FOUND_ATTEMPTS = 4;

  private final Target target;
  private final Retrier retrier;
  private final RestoreOptions options;
  private final JournalLog journal;
  private final IntentComparer comparer = new IntentComparer();

  ObjectApplier(Target target, Retrier retrier, RestoreOptions options, JournalLog journal) {
    this.target = target;
    this.retrier = retrier;
    this.options = options;
    this.journal = journal;
  }

  ObjectResult apply(RestoreTask task) {
    Decision decision = journal.decide(task);
    if (decision == Decision.SKIP_ALREADY_APPLIED) {
      return ObjectResult.of(task, ApplyOutcome.ALREADY_APPLIED, "", List.of());
    }
    if (decision == Decision.CONFLICT_DIFFERENT_DIGEST) {
      return ObjectResult.of(task, ApplyOutcome.FAILED,
          "the journal shows other content applied to this object by an earlier run; the plan or the"
              + " snapshot changed since: start a new restore journal (--restart) to apply the new content",
          List.of());
    }
    journal.record(task, Outcome.STARTED, "");
    ObjectResult result;
    try {
      result = createOrReconcile(task);
    } catch (TargetException e) {
      if (e.kind() == Kind.FATAL) {
        throw e;
      }
      result = ObjectResult.of(task, ApplyOutcome.FAILED, e.getMessage(), List.of());
    }
    journal.record(task, journalOutcome(result.outcome()), result.reason());
    return result;
  }

  private ObjectResult createOrReconcile(RestoreTask task) {
    for (int attempt = 1; ; attempt++) {
      try {
        retrier.call(() -> target.create(task.content(), options.dryRun()));
        return ObjectResult.of(task, options.dryRun() ? ApplyOutcome.WOULD_CREATE : ApplyOutcome.CREATED, "", List.of());
      } catch (TargetException e) {
        if (e.kind() == Kind.ALREADY_EXISTS) {
          return reconcile(task);
        }
        if (e.kind() == Kind.NOT_FOUND && options.dryRun()) {
          return ObjectResult.of(task, ApplyOutcome.WOULD_CREATE,
              "not checked by the server: its namespace or type does not exist yet; the restore creates it"
                  + " in an earlier step", List.of());
        }
        if (e.kind() != Kind.NOT_FOUND || attempt >= NOT_FOUND_ATTEMPTS) {
          throw e;
        }
        // the namespace or the type is not served yet (a CRD still being established): wait a little
        retrier.count("HTTP 404 dependency not served yet");
        retrier.pause(retrier.policy().backoff(attempt, null));
      }
    }
  }

  private ObjectResult reconcile(RestoreTask task) {
    for (int attempt = 1; ; attempt++) {
      Optional<ObjectNode> live = retrier.call(() -> target.get(task.ref(), task.apiVersion()));
      if (live.isEmpty()) {
        // deleted between our create and our read: create again
        return createOrReconcile(task);
      }
      List<FieldDifference> diffs = comparer.compare(task.ref(), task.content(), live.get());
      if (diffs.isEmpty()) {
        return ObjectResult.of(task, ApplyOutcome.UNCHANGED, "", List.of());
      }
      if (ClusterScopedPolicy.of(task.ref()) == Treatment.CREATE_ONLY) {
        return ObjectResult.of(task, ApplyOutcome.SKIPPED,
            "exists on the target with other content (" + paths(diffs) + "); cluster-wide objects are never"
                + " changed: " + ClusterScopedPolicy.reasonFor(task.ref()), diffs);
      }
      if (options.policy() == ConflictPolicy.SKIP) {
        return ObjectResult.of(task, ApplyOutcome.SKIPPED,
            "exists on the target with other content (" + paths(diffs) + "); conflict policy skip", diffs);
      }
      if (options.policy() == ConflictPolicy.FAIL) {
        return ObjectResult.of(task, ApplyOutcome.FAILED,
            "exists on the target with other content (" + paths(diffs) + "); conflict policy fail", diffs);
      }
      try {
        ObjectNode body = options.strategy() == Strategy.SERVER_SIDE_APPLY
            ? task.content()
            : IntentOverlay.overlay(task.content(), live.get());
        retrier.call(() -> options.strategy() == Strategy.SERVER_SIDE_APPLY
            ? target.apply(body, options.dryRun())
            : target.replace(body, options.dryRun()));
        return ObjectResult.of(task, options.dryRun() ? ApplyOutcome.WOULD_UPDATE : ApplyOutcome.UPDATED, "", diffs);
      } catch (TargetException e) {
        if (e.kind() != Kind.CONFLICT || attempt >= CONFLICT_ATTEMPTS) {
          throw e;
        }
        retrier.count(e.label()); // someone changed it since we read it: read again
      }
    }
  }

  /** At most three field paths, for a one-line reason. */
  static String paths(List<FieldDifference> diffs) {
    String shown = diffs.stream().limit(3).map(d -> d.path().toString()).collect(Collectors.joining(", "));
    return diffs.size() > 3 ? shown + " and " + (diffs.size() - 3) + " more" : shown;
  }

  private static Outcome journalOutcome(ApplyOutcome outcome) {
    return switch (outcome) {
      case CREATED, WOULD_CREATE -> Outcome.CREATED;
      case UPDATED, WOULD_UPDATE -> Outcome.UPDATED;
      case UNCHANGED, ALREADY_APPLIED -> Outcome.UNCHANGED;
      case SKIPPED, NOT_ATTEMPTED -> Outcome.SKIPPED;
      case FAILED -> Outcome.FAILED;
    };
  }
}
