package dev.umzug.providers.s3;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import io.minio.CreateMultipartUploadResponse;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.UploadPartResponse;
import io.minio.messages.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The stream a {@code SnapshotStore.Body} writes to: it holds at most one part in memory. A body
 * that fits into one part becomes one {@code PutObject}; a larger one becomes a multipart upload,
 * each part sent as soon as it is full. Nothing is visible under the key until {@link #finish}
 * succeeds; {@link #abort} removes the parts of an unfinished upload.
 *
 * <p>Every request carries {@code x-amz-checksum-sha256} of its bytes (the multipart upload
 * declares {@code x-amz-checksum-algorithm: SHA256} and lists each part's checksum on completion),
 * so the server rejects a corrupted body and stores the checksum. For a conditional create every
 * request that can make the object visible ({@code PutObject}, {@code CompleteMultipartUpload})
 * carries {@code If-None-Match: *}.
 */
final class S3UploadStream extends OutputStream {

  private static final int FIRST_BUFFER = 64 * 1024;
  private static final String CONTENT_TYPE = "application/octet-stream";

  private final MinioAsyncClient client;
  private final String bucket;
  private final String region;
  private final String objectName;
  private final boolean createOnly;
  private final int partSize;
  private final S3Failures failures;

  private byte[] buffer = new byte[0];
  private int count;
  private long total;
  private String uploadId;
  private final List<Part> parts = new ArrayList<>();
  private boolean done;

  S3UploadStream(MinioAsyncClient client, String bucket, String region, String objectName,
      boolean createOnly, int partSize, S3Failures failures) {
    this.client = client;
    this.bucket = bucket;
    this.region = region;
    this.objectName = objectName;
    this.createOnly = createOnly;
    this.partSize = partSize;
    this.failures = failures;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (done) {
      throw new IOException("upload of " + objectName + " is already finished");
    }
    while (len > 0) {
      if (count == partSize) {
        // only now, with more bytes coming, is the buffer known not to be the last part
        uploadPart();
      }
      ensureCapacity(Math.min(partSize, count + len));
      int n = Math.min(len, partSize - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      total += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void close() {
    // the store finishes or aborts the upload; a body closing the stream changes nothing
  }

  /** Total bytes written so far. */
  long size() {
    return total;
  }

  /** Largest buffer held, for tests: never more than one part. */
  int bufferCapacity() {
    return buffer.length;
  }

  /** Makes the object visible under its key. */
  void finish() throws IOException {
    done = true;
    if (uploadId == null) {
      putSingle();
    } else {
      if (count > 0) {
        uploadPart();
      }
      complete();
    }
    buffer = new byte[0];
  }

  /** Discards an unfinished upload; failures to abort are added to {@code cause}. */
  void abort(Throwable cause) {
    done = true;
    buffer = new byte[0];
    if (uploadId == null) {
      return; // nothing was sent
    }
    try {
      client.abortMultipartUploadAsync(bucket, region, objectName, uploadId, null, null).get();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      cause.addSuppressed(new IOException("could not abort the multipart upload of " + objectName
          + " (upload id " + uploadId + "); a bucket lifecycle rule for incomplete uploads removes its parts", S3Failures.unwrap(e)));
    }
  }

  private void putSingle() throws IOException {
    Multimap<String, String> headers = checksumHeader(buffer, count);
    if (createOnly) {
      headers.put("If-None-Match", "*");
    }
    try {
      client.putObject(PutObjectArgs.builder().bucket(bucket).region(region).object(objectName)
          .stream(new ByteArrayInputStream(buffer, 0, count), count, Math.max(partSize, 5 * 1024 * 1024))
          .contentType(CONTENT_TYPE)
          .extraHeaders(headers)
          .build()).get();
    } catch (Exception e) {
      throw failure(e);
    }
  }

  private void uploadPart() throws IOException {
    try {
      if (uploadId == null) {
        Multimap<String, String> headers = ArrayListMultimap.create();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("x-amz-checksum-algorithm", "SHA256");
        CreateMultipartUploadResponse created =
            client.createMultipartUploadAsync(bucket, region, objectName, headers, null).get();
        uploadId = created.result().uploadId();
      }
      int number = parts.size() + 1;
      String checksum = sha256Base64(buffer, count);
      Multimap<String, String> headers = ArrayListMultimap.create();
      headers.put("x-amz-checksum-sha256", checksum);
      UploadPartResponse uploaded = client.uploadPartAsync(
          bucket, region, objectName, buffer, count, uploadId, number, headers, null).get();
      parts.add(new Part(number, uploaded.etag(), null, null, null, null, checksum));
      count = 0;
    } catch (Exception e) {
      throw failure(e);
    }
  }

  private void complete() throws IOException {
    Multimap<String, String> headers = ArrayListMultimap.create();
    if (createOnly) {
      headers.put("If-None-Match", "*");
    }
    try {
      client.completeMultipartUploadAsync(bucket, region, objectName, uploadId,
          parts.toArray(new Part[0]), headers, null).get();
    } catch (Exception e) {
      throw failure(e);
    }
  }

  private IOException failure(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return failures.map(e, objectName);
  }

  private void ensureCapacity(int needed) {
    if (needed <= buffer.length) {
      return;
    }
    int grown = Math.max(FIRST_BUFFER, buffer.length);
    while (grown < needed) {
      grown = (int) Math.min(partSize, grown * 2L);
    }
    buffer = Arrays.copyOf(buffer, grown);
  }

  private static Multimap<String, String> checksumHeader(byte[] data, int length) {
    Multimap<String, String> headers = ArrayListMultimap.create();
    headers.put("x-amz-checksum-sha256", sha256Base64(data, length));
    return headers;
  }

  private static String sha256Base64(byte[] data, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(data, 0, length);
      return Base64.getEncoder().encodeToString(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
