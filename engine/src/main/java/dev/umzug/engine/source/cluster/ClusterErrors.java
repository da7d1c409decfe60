package dev.umzug.engine.source.cluster;

import dev.umzug.engine.error.ClusterAccessException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Turns fabric8's exceptions into one-line messages. The server's own message is never copied
 * whole: only the HTTP code and what we were doing, so a token echoed by a proxy cannot leak.
 */
public final class ClusterErrors {

  private ClusterErrors() {}

  /**
   * @param what what was being done, e.g. {@code list deployments.apps in namespace shop}
   */
  static ClusterAccessException access(
      KubernetesClientException e, String context, String server, String namespace,
      String what) {
    int code = Math.max(e.getCode(), 0); // fabric8 says -1 when there was no answer
    String message;
    if (code == 401) {
      message = "credentials of context '" + context + "' rejected (HTTP 401) when trying to "
          + what + ": they may have expired; log in again or refresh the kubeconfig";
    } else if (code == 403) {
      message = "access denied (HTTP 403) in context '" + context + "': cannot " + what;
    } else if (code > 0) {
      message = "cluster of context '" + context + "' answered HTTP " + code + " when trying to "
          + what;
    } else {
      message = "cannot reach the cluster of context '" + context + "' at " + server + ": "
          + rootCause(e);
    }
    return new ClusterAccessException(message, code, namespace, null, e);
  }

  /** True when the server was not reached at all, or rejected who we are. */
  static boolean isFatal(KubernetesClientException e) {
    return e.getCode() <= 0 || e.getCode() == 401;
  }

  /** A short, secret-free description of why a connection failed. */
  public static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ConnectException) {
      return "connection refused";
    }
    if (root instanceof UnknownHostException) {
      return "unknown host " + root.getMessage();
    }
    if (root instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (root instanceof SSLException) {
      return "TLS handshake failed (check the certificate authority in the kubeconfig)";
    }
    if (root instanceof InterruptedIOException) {
      return "timed out";
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    String line = message.replaceAll("\\s+", " ").trim();
    if (line.toLowerCase(java.util.Locale.ROOT).contains("token")
        || line.toLowerCase(java.util.Locale.ROOT).contains("bearer")) {
      return root.getClass().getSimpleName();
    }
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
