package dev.umzug.providers.s3;

import io.minio.errors.ErrorResponseException;
import io.minio.messages.ErrorResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Turns what minio throws into the {@link IOException}s the {@code SnapshotStore} contract names.
 * Messages name the endpoint, bucket and key, and the server's error code; never keys or tokens.
 */
final class S3Failures {

  /** Error codes that mean "these credentials may not do this". */
  private static final Set<String> DENIED = Set.of(
      "AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch",
      "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "InvalidSecurity");

  private final String endpoint;
  private final String bucket;

  S3Failures(String endpoint, String bucket) {
    this.endpoint = endpoint;
    this.bucket = bucket;
  }

  /**
   * The contract's exception for a failed call about {@code objectName} ({@code null} for the
   * bucket itself).
   */
  IOException map(Throwable thrown, String objectName) {
    Throwable e = unwrap(thrown);
    String where = "s3://" + bucket + "/" + (objectName == null ? "" : objectName);
    if (e instanceof ErrorResponseException error) {
      return withCause(fromResponse(error, where, objectName), e);
    }
    if (e instanceof SSLException) {
      return new IOException("TLS connection to S3 endpoint " + endpoint + " failed (the certificate is not "
          + "trusted, or the endpoint does not speak TLS): " + e.getMessage(), e);
    }
    if (e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException || e instanceof SocketTimeoutException
        || e instanceof InterruptedIOException) {
      return new IOException("cannot reach S3 endpoint " + endpoint + " for bucket " + bucket + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
    if (e instanceof IOException io) {
      return new IOException(where + " at " + endpoint + ": " + describe(io), io);
    }
    return new IOException(where + " at " + endpoint + ": unexpected " + describe(e), e);
  }

  private IOException fromResponse(ErrorResponseException error, String where, String objectName) {
    ErrorResponse response = error.errorResponse();
    String code = response == null || response.code() == null ? "" : response.code();
    int status = error.response() == null ? 0 : error.response().code();
    if (code.equals("NoSuchBucket")) {
      return new IOException("bucket " + bucket + " does not exist at " + endpoint);
    }
    if (code.equals("NoSuchKey") || (status == 404 && objectName != null && code.isEmpty())) {
      return new NoSuchFileException(objectName == null ? where : objectName);
    }
    if (DENIED.contains(code) || status == 403) {
      return new AccessDeniedException(where, null, "access denied by " + endpoint + " (" + (code.isEmpty() ? "HTTP 403" : code) + ")");
    }
    if (code.equals("PreconditionFailed") || code.equals("ConditionalRequestConflict") || status == 412) {
      // 409 ConditionalRequestConflict: another conditional write of the same key is in flight
      return new FileAlreadyExistsException(objectName == null ? where : objectName, null, "already exists (" + code + ")");
    }
    String message = response == null || response.message() == null ? "" : ": " + response.message();
    return new IOException(where + " at " + endpoint + ": " + (code.isEmpty() ? "HTTP " + status : code) + message);
  }

  static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof ExecutionException || current instanceof CompletionException) && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static IOException withCause(IOException e, Throwable cause) {
    if (e.getCause() == null) {
      e.initCause(cause);
    }
    return e;
  }

  private static String describe(Throwable e) {
    String simple = e.getClass().getSimpleName();
    return e.getMessage() == null ? simple : simple + " " + e.getMessage();
  }
}
