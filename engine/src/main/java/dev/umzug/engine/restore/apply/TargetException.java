package dev.umzug.engine.restore.apply;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to the {@link Target} failed. The message is one line and never contains object
 * content: the server's own message is kept only after {@link ServerMessages#redact} removed quoted
 * values.
 */
public final class TargetException extends RuntimeException {

  /** What went wrong, as far as the caller's next move is concerned. */
  public enum Kind {
    /** Create of an object that exists (HTTP 409 AlreadyExists). */
    ALREADY_EXISTS(false),
    /** Replace with a stale resourceVersion (HTTP 409 Conflict): read again and retry. */
    CONFLICT(false),
    /**
     * The object, its namespace or its type is not there (HTTP 404): during a restore usually a
     * dependency that is not served yet.
     */
    NOT_FOUND(false),
    /**
     * The server refused the object and will refuse it again: invalid (400, 422), forbidden (403,
     * e.g. a namespace being terminated), denied by an admission webhook.
     */
    REJECTED(false),
    /** Throttled (HTTP 429): wait {@link #retryAfter()} and try again. */
    THROTTLED(true),
    /**
     * The server failed or did not answer (HTTP 500, 502, 503, 504, a reset connection, a
     * timeout): the request may or may not have taken effect; try again.
     */
    UNAVAILABLE(true),
    /** Credentials rejected (HTTP 401) or the server cannot be reached at all: stop. */
    FATAL(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    /** Whether sending the same request again may succeed. */
    public boolean retryable() {
      return retryable;
    }
  }

  private final Kind kind;
  private final int status;
  private final String reason;
  private final Duration retryAfter;

  /**
   * @param status the HTTP status, 0 when there was no answer
   * @param reason the Kubernetes Status reason (e.g. {@code AlreadyExists}), or a short cause
   * @param retryAfter what the server asked to wait, if it did
   */
  public TargetException(Kind kind, int status, String reason, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = status;
    this.reason = reason == null ? "" : reason;
    this.retryAfter = retryAfter;
  }

  public TargetException(Kind kind, int status, String reason, String message) {
    this(kind, status, reason, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** The Kubernetes Status reason, or a short cause; never empty for a server answer. */
  public String reason() {
    return reason;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** A short label for counting retries: {@code HTTP 429}, {@code HTTP 503}, {@code connection reset}. */
  public String label() {
    return status > 0 ? "HTTP " + status + (reason.isEmpty() ? "" : " " + reason) : reason;
  }
}
