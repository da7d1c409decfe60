package dev.umzug.engine.restore.cluster;

import dev.umzug.engine.restore.apply.ServerMessages;
import dev.umzug.engine.restore.apply.TargetException;
import dev.umzug.engine.restore.apply.TargetException.Kind;
import dev.umzug.engine.source.cluster.ClusterErrors;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns fabric8's exceptions into {@link TargetException}s whose kind says whether a retry can
 * help. The message names what was being done and the server's reason with quoted values removed
 * ({@link ServerMessages#redact}); object content never appears.
 */
final class TargetErrors {

  private TargetErrors() {}

  /**
   * @param what what was being done, e.g. {@code create apps/v1 Deployment shop/web}
   */
  static TargetException of(KubernetesClientException e, String what) {
    int code = Math.max(e.getCode(), 0); // fabric8 says -1 when there was no answer
    Status status = e.getStatus();
    String reason = status == null || status.getReason() == null ? "" : status.getReason();
    String serverMessage = status == null ? "" : ServerMessages.redact(status.getMessage());
    if (code == 0) {
      return noAnswer(e, what);
    }
    Kind kind = switch (code) {
      case 409 -> "AlreadyExists".equals(reason) ? Kind.ALREADY_EXISTS : Kind.CONFLICT;
      case 404 -> Kind.NOT_FOUND;
      case 429 -> Kind.THROTTLED;
      case 500, 502, 503, 504 -> Kind.UNAVAILABLE;
      case 401 -> Kind.FATAL;
      default -> Kind.REJECTED; // 400, 403, 405, 415, 422: the same request will be refused again
    };
    String message = what + ": HTTP " + code + (reason.isEmpty() ? "" : " " + reason)
        + (serverMessage.isEmpty() ? "" : ": " + serverMessage);
    if (code == 401) {
      message = what + ": credentials rejected (HTTP 401); they may have expired: log in again or refresh the"
          + " kubeconfig";
    }
    return new TargetException(kind, code, reason, message, retryAfter(status), e);
  }

  /** A request that got no answer: reset, timed out, refused, unknown host, TLS failure. */
  private static TargetException noAnswer(Throwable e, String what) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String cause = ClusterErrors.rootCause(e);
    boolean unreachable = root instanceof ConnectException || root instanceof UnknownHostException
        || root instanceof NoRouteToHostException || root instanceof SSLException;
    if (unreachable) {
      return new TargetException(Kind.FATAL, 0, cause, what + ": cannot reach the target: " + cause, null, e);
    }
    String label = root instanceof InterruptedIOException ? "timed out"
        : root instanceof SocketException || root instanceof EOFException ? "connection reset"
        : "no answer";
    return new TargetException(Kind.UNAVAILABLE, 0, label, what + ": " + label + " (" + cause + ")", null, e);
  }

  private static Duration retryAfter(Status status) {
    if (status == null || status.getDetails() == null || status.getDetails().getRetryAfterSeconds() == null) {
      return null;
    }
    int seconds = status.getDetails().getRetryAfterSeconds();
    return seconds > 0 ? Duration.ofSeconds(seconds) : null;
  }

  /** For errors raised outside a request (e.g. fabric8 refusing an object before sending it). */
  static TargetException unexpected(RuntimeException e, String what) {
    if (e.getCause() instanceof KubernetesClientException k) {
      return of(k, what);
    }
    return noAnswer(e, what);
  }
}
