package dev.umzug.providers.s3;

import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import dev.umzug.engine.spi.StoredObject;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * A {@link SnapshotStore} in a bucket of any S3-compatible service, on minio-java. Key {@code k}
 * is stored as object {@code prefix/k}. See {@code docs/s3-store.md}.
 *
 * <ul>
 *   <li><b>Atomic per object:</b> S3 shows an object only when its {@code PutObject} or {@code
 *       CompleteMultipartUpload} succeeds; a body that fails aborts the multipart upload.
 *   <li><b>Streaming:</b> at most one part ({@link Builder#partSize}, 16 MiB by default) is held in
 *       memory per upload.
 *   <li><b>Conditional create:</b> {@code If-None-Match: *} on the request that makes the object
 *       visible, after a {@code HEAD} that fails fast when the key already exists.
 *   <li><b>TLS</b> is verified against the JVM's trust store; there is no switch to turn it off.
 * </ul>
 */
public final class S3SnapshotStore implements SnapshotStore, AutoCloseable {

  /** The default part size: 16 MiB parts allow objects up to 156 GiB (10,000 parts). */
  public static final int DEFAULT_PART_SIZE = 16 * 1024 * 1024;
  static final int MIN_PART_SIZE = 5 * 1024 * 1024;
  static final String AWS_ENDPOINT = "https://s3.amazonaws.com";

  private final MinioAsyncClient client;
  private final String endpoint;
  private final String bucket;
  private final String prefix;
  private final String region;
  private final boolean virtualHost;
  private final int partSize;
  private final S3Failures failures;

  private S3SnapshotStore(Builder b, MinioAsyncClient client, String endpoint, String region) {
    this.client = client;
    this.endpoint = endpoint;
    this.bucket = b.bucket;
    this.prefix = b.prefix;
    this.region = region;
    this.virtualHost = !b.pathStyle;
    this.partSize = b.partSize;
    this.failures = new S3Failures(endpoint, bucket);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the store a plan describes, with keys from the process environment and the user's
   * {@code ~/.aws} files.
   *
   * @throws java.nio.file.AccessDeniedException when there are no keys or they are refused
   * @throws IOException when the endpoint cannot be reached or the bucket does not exist
   */
  public static S3SnapshotStore fromPlan(S3Location spec) throws IOException {
    return builder().from(spec).open();
  }

  /**
   * A plan's store spec for a command-line location {@code s3://bucket[/prefix]}: AWS S3 (or
   * whatever endpoint is added later), virtual-host addressing, the default credential chain.
   */
  public static S3Location parseUri(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new IllegalArgumentException("not an S3 location (s3://bucket/prefix): " + uri);
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    return new S3Location(Optional.empty(), bucket, Builder.normalizePrefix(prefix), Optional.empty(), false,
        S3Credentials.defaultChain());
  }

  @Override
  public String describe() {
    String location = "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    return endpoint.equals(AWS_ENDPOINT) ? location : location + " at " + endpoint;
  }

  /** Whether requests name the bucket in the host name ({@code bucket.host}) rather than the path. */
  public boolean virtualHostStyle() {
    return virtualHost;
  }

  public String bucket() {
    return bucket;
  }

  public String prefix() {
    return prefix;
  }

  @Override
  public StoredObject put(StoreKey key, PutMode mode, Body body) throws IOException {
    Objects.requireNonNull(mode, "mode");
    String name = objectName(key);
    boolean createOnly = mode == PutMode.CREATE;
    if (createOnly && stat(key).isPresent()) {
      // fails fast before uploading; the If-None-Match header below is what makes it safe
      throw new FileAlreadyExistsException(key.value());
    }
    S3UploadStream upload = new S3UploadStream(client, bucket, region, name, createOnly, partSize, failures);
    try {
      body.writeTo(upload);
      upload.finish();
    } catch (FileAlreadyExistsException e) {
      // lost the race: someone created the key between our HEAD and our upload
      upload.abort(e);
      FileAlreadyExistsException exists = new FileAlreadyExistsException(key.value(), null, e.getReason());
      exists.initCause(e.getCause());
      throw exists;
    } catch (IOException | RuntimeException | Error e) {
      upload.abort(e);
      throw e;
    }
    return new StoredObject(key, upload.size());
  }

  @Override
  public InputStream get(StoreKey key) throws IOException {
    String name = objectName(key);
    try {
      return client.getObject(GetObjectArgs.builder().bucket(bucket).region(region).object(name).build()).get();
    } catch (Exception e) {
      throw mapped(e, key);
    }
  }

  @Override
  public Optional<StoredObject> stat(StoreKey key) throws IOException {
    String name = objectName(key);
    try {
      StatObjectResponse stat =
          client.statObject(StatObjectArgs.builder().bucket(bucket).region(region).object(name).build()).get();
      return Optional.of(new StoredObject(key, stat.size()));
    } catch (Exception e) {
      IOException mapped = mapped(e, key);
      if (mapped instanceof NoSuchFileException) {
        return Optional.empty();
      }
      throw mapped;
    }
  }

  @Override
  public List<StoredObject> list(StoreKey prefixKey) throws IOException {
    List<StoredObject> found = new ArrayList<>();
    for (Item item : listing(prefixKey, true)) {
      toKey(item.objectName()).ifPresent(key -> found.add(new StoredObject(key, item.size())));
    }
    // S3 lists in UTF-8 byte order, which for the key alphabet is String order; sort anyway, for
    // services that do not
    found.sort((a, b) -> a.key().compareTo(b.key()));
    return found;
  }

  @Override
  public List<String> children(StoreKey prefixKey) throws IOException {
    String below = objectName(prefixKey) + "/";
    TreeSet<String> names = new TreeSet<>();
    for (Item item : listing(prefixKey, false)) {
      String rest = item.objectName().substring(below.length());
      String segment = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
      if (StoreKey.isValidSegment(segment)) {
        names.add(segment);
      }
    }
    return List.copyOf(names);
  }

  @Override
  public void delete(StoreKey key) throws IOException {
    String name = objectName(key);
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).region(region).object(name).build()).get();
    } catch (Exception e) {
      IOException mapped = mapped(e, key);
      if (!(mapped instanceof NoSuchFileException)) {
        throw mapped; // removing a missing key is not an error
      }
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      // nothing to release that matters once the store is no longer used
    }
  }

  /** The object name for a key: {@code prefix/key}, or the key when there is no prefix. */
  String objectName(StoreKey key) {
    return prefix.isEmpty() ? key.value() : prefix + "/" + key.value();
  }

  private Optional<StoreKey> toKey(String objectName) {
    String root = prefix.isEmpty() ? "" : prefix + "/";
    if (!objectName.startsWith(root)) {
      return Optional.empty();
    }
    String relative = objectName.substring(root.length());
    try {
      return Optional.of(new StoreKey(relative));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // objects no key could name: "directory" markers, foreign files
    }
  }

  private List<Item> listing(StoreKey prefixKey, boolean recursive) throws IOException {
    String below = objectName(prefixKey) + "/";
    List<Item> items = new ArrayList<>();
    Iterable<Result<Item>> results = client.listObjects(ListObjectsArgs.builder()
        .bucket(bucket).region(region).prefix(below).recursive(recursive).build());
    try {
      for (Result<Item> result : results) {
        items.add(result.get());
      }
    } catch (Exception e) {
      throw failures.map(e, below);
    }
    return items;
  }

  private IOException mapped(Exception e, StoreKey key) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    IOException mapped = failures.map(e, objectName(key));
    if (mapped instanceof NoSuchFileException) {
      NoSuchFileException missing = new NoSuchFileException(key.value());
      missing.initCause(mapped.getCause());
      return missing;
    }
    return mapped;
  }

  private void probe() throws IOException {
    try {
      boolean exists = client.bucketExists(BucketExistsArgs.builder().bucket(bucket).region(region).build()).get();
      if (!exists) {
        throw new IOException("bucket " + bucket + " does not exist at " + endpoint);
      }
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw failures.map(e, null);
    }
  }

  /**
   * Settings of an S3 store. Everything except the bucket has a default: AWS S3, no prefix, the
   * region from the environment or {@code ~/.aws/config}, virtual-host addressing, the default
   * credential chain.
   */
  public static final class Builder {

    private String endpoint;
    private String bucket;
    private String prefix = "";
    private String region;
    private boolean pathStyle;
    private S3Credentials credentials = S3Credentials.defaultChain();
    private Map<String, String> environment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));
    private int partSize = DEFAULT_PART_SIZE;
    private long connectTimeoutMillis = TimeUnit.SECONDS.toMillis(15);
    private Dns dns = Dns.SYSTEM;

    private Builder() {}

    /** Takes every setting from a plan's store. */
    public Builder from(S3Location spec) {
      spec.endpoint().ifPresent(this::endpoint);
      bucket(spec.bucket());
      prefix(spec.prefix());
      spec.region().ifPresent(this::region);
      pathStyle(spec.pathStyle());
      credentials(spec.credentials());
      return this;
    }

    /** {@code https://host[:port]} or {@code http://host[:port]}; without it, AWS S3. */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
      return this;
    }

    /** The bucket; at least 3 characters (S3's rule). */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /** A key prefix inside the bucket, e.g. {@code team-a/umzug}; slashes at either end are ignored. */
    public Builder prefix(String prefix) {
      this.prefix = normalizePrefix(prefix);
      return this;
    }

    public Builder region(String region) {
      this.region = region == null || region.isBlank() ? null : region.strip();
      return this;
    }

    /**
     * Whether the bucket goes into the path ({@code host/bucket/key}, needed by most self-hosted
     * services) rather than the host name ({@code bucket.host/key}, AWS's default).
     */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /** Where the keys come from (see {@link S3CredentialLookup} for the order). */
    public Builder credentials(S3Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** The environment variables to read instead of the process's (tests). */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** The home directory holding {@code .aws/} instead of {@code user.home} (tests). */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /** Bytes per multipart part, and the memory one upload holds: 5 MiB to 512 MiB. */
    public Builder partSize(int partSize) {
      if (partSize < MIN_PART_SIZE || partSize > 512 * 1024 * 1024) {
        throw new IllegalArgumentException("part size must be between 5 MiB and 512 MiB: " + partSize);
      }
      this.partSize = partSize;
      return this;
    }

    /** How long to wait for a TCP connection; 15 seconds by default. */
    public Builder connectTimeoutMillis(long millis) {
      this.connectTimeoutMillis = millis;
      return this;
    }

    /** Name resolution, for tests of virtual-host addressing against a local server. */
    Builder dns(Dns dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
      return this;
    }

    /** The endpoint that will be used. */
    String effectiveEndpoint() {
      String e = endpoint == null ? AWS_ENDPOINT : endpoint;
      URI uri = URI.create(e.contains("://") ? e : "https://" + e);
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("S3 endpoint must be http(s)://host[:port]: " + e);
      }
      if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
        throw new IllegalArgumentException("S3 endpoint must not have a path: " + e);
      }
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Builds the client without talking to the endpoint (no credentials looked up either). */
    MinioAsyncClient client(String effectiveEndpoint, String effectiveRegion, io.minio.credentials.Provider keys) {
      OkHttpClient http = new OkHttpClient.Builder()
          .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
          .writeTimeout(5, TimeUnit.MINUTES)
          .readTimeout(5, TimeUnit.MINUTES)
          .protocols(List.of(Protocol.HTTP_1_1))
          .dns(dns)
          .build();
      MinioAsyncClient.Builder b = MinioAsyncClient.builder().endpoint(effectiveEndpoint).httpClient(http, true);
      if (effectiveRegion != null) {
        b.region(effectiveRegion);
      }
      if (keys != null) {
        b.credentialsProvider(keys);
      }
      MinioAsyncClient client = b.build();
      if (pathStyle) {
        client.disableVirtualStyleEndpoint();
      } else {
        client.enableVirtualStyleEndpoint();
      }
      return client;
    }

    /**
     * Looks up the keys, connects and checks that the bucket exists and may be read.
     *
     * @throws java.nio.file.AccessDeniedException when there are no keys or they are refused
     * @throws IOException when the endpoint cannot be reached or the bucket does not exist
     */
    public S3SnapshotStore open() throws IOException {
      S3SnapshotStore store = build();
      try {
        store.probe();
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
      return store;
    }

    /** Like {@link #open} without the bucket check: the first request finds out. */
    S3SnapshotStore build() throws IOException {
      if (bucket == null || bucket.length() < 3 || bucket.length() > 63) {
        throw new IllegalArgumentException("S3 bucket name must have 3 to 63 characters: " + bucket);
      }
      String effectiveEndpoint = effectiveEndpoint();
      S3CredentialLookup lookup = new S3CredentialLookup(environment, home);
      String effectiveRegion = region != null ? region : lookup.region(credentials).orElse(null);
      String location = "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
      io.minio.credentials.Provider keys = lookup.resolve(credentials, location);
      return new S3SnapshotStore(this, client(effectiveEndpoint, effectiveRegion, keys), effectiveEndpoint, effectiveRegion);
    }

    static String normalizePrefix(String prefix) {
      if (prefix == null) {
        return "";
      }
      String p = prefix.strip();
      while (p.startsWith("/")) {
        p = p.substring(1);
      }
      while (p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
      }
      if (!p.isEmpty()) {
        new StoreKey(p); // same alphabet as keys: no "..", no empty segments
      }
      return p;
    }
  }
}
