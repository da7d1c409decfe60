package dev.umzug.providers.s3;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** An in-process S3 server (s3proxy, in-memory blob store) on 127.0.0.1 and a free port. */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "umzug-test-access";
  public static final String SECRET_KEY = "umzug-test-secret-0123456789";

  private final S3Proxy proxy;
  private final String host;

  private S3ProxyServer(S3Proxy proxy, String host) {
    this.proxy = proxy;
    this.host = host;
  }

  /** Starts a server; with {@code virtualHost} (e.g. {@code localhost}) it also accepts {@code bucket.localhost}. */
  public static S3ProxyServer start(String virtualHost) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.identity", ACCESS_KEY);
    properties.setProperty("jclouds.credential", SECRET_KEY);
    S3Proxy.Builder builder = S3Proxy.builder()
        .blobStore(BlobStores.create("transient", properties))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .endpoint(URI.create("http://127.0.0.1:0"));
    if (virtualHost != null) {
      builder.virtualHost(virtualHost);
    }
    S3Proxy proxy = builder.build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!proxy.getState().equals("STARTED")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.onSpinWait();
    }
    // with a virtual host, requests must name it (or bucket.it); the bare IP would read as a bucket
    return new S3ProxyServer(proxy, virtualHost == null ? "127.0.0.1" : virtualHost);
  }

  public String endpoint() {
    return "http://" + host + ":" + proxy.getPort();
  }

  int port() {
    return proxy.getPort();
  }

  public MinioClient admin() {
    return MinioClient.builder().endpoint(endpoint()).region("us-east-1").credentials(ACCESS_KEY, SECRET_KEY).build();
  }

  public void createBucket(String bucket) throws Exception {
    admin().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
