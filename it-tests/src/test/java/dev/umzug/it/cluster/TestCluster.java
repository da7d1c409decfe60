package dev.umzug.it.cluster;

import dev.umzug.engine.plan.ClusterAccess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process API server for tests: fabric8's CRUD mock server behind {@link
 * TestClusterDispatcher}, which adds discovery, pagination, missing-namespace and forbidden
 * answers and latency. Start two for a source and a target cluster. What it still does not do is
 * listed in {@code docs/testing.md}.
 */
public final class TestCluster implements AutoCloseable {

  /**
   * The mock server logs every request at INFO, which costs about 40 % of its throughput. Held in a
   * field: JUL keeps loggers weakly, and a collected logger forgets its level.
   */
  private static final Logger MOCK_LOGGER = Logger.getLogger(MockWebServer.class.getName());

  static {
    MOCK_LOGGER.setLevel(Level.WARNING);
  }

  private final TestClusterDispatcher dispatcher = new TestClusterDispatcher();
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private TestCluster() {
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
        new HashMap<>(), dispatcher, false);
    server.init();
    client = server.createClient();
  }

  public static TestCluster start() {
    return new TestCluster();
  }

  /** A client with full rights, to set the cluster up. */
  public KubernetesClient client() {
    return client;
  }

  /** {@code http://localhost:PORT/}. */
  public String url() {
    return server.url("/");
  }

  /**
   * Writes a kubeconfig with one context of this name, pointing here with a bearer token, and
   * returns the access a plan would give.
   */
  public ClusterAccess access(Path dir, String context) {
    return kubeconfig(dir, context, url());
  }

  /** A kubeconfig whose context points at {@code server}, e.g. a closed port. */
  public static ClusterAccess kubeconfig(Path dir, String context, String server) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: %s
        users:
        - name: test
          user:
            token: not-a-real-token-0123456789
        contexts:
        - name: %s
          context:
            cluster: test
            user: test
            namespace: default
        current-context: %s
        """.formatted(server, context, context);
    try {
      Path file = Files.createTempFile(dir, "kubeconfig-", ".yaml");
      Files.writeString(file, yaml);
      return new ClusterAccess(Optional.of(file), context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates many objects at once, straight in the store rather than one POST each: the same stored
   * form, metadata and checks as a create (missing namespace, name taken), at a cost that does not
   * grow with the store. For filling the cluster; lists still come through HTTP.
   *
   * @throws IllegalStateException when a namespace is missing or a name is taken; nothing is created
   */
  public TestCluster load(List<? extends HasMetadata> objects) {
    dispatcher.load(objects);
    return this;
  }

  /** Answers 403 to every request on this resource, e.g. {@code secrets} or {@code widgets.example.com}. */
  public TestCluster forbid(String resource) {
    dispatcher.forbidden.add(resource);
    return this;
  }

  /** Answers 401 to every request, as for expired credentials. */
  public TestCluster rejectCredentials() {
    dispatcher.rejectCredentials = true;
    return this;
  }

  /** Delays every response by this much, inside the server. */
  public TestCluster latency(Duration latency) {
    dispatcher.latency = latency;
    return this;
  }

  /** Objects of this kind and name ({@code ns/name} or {@code name}) are never made ready by a controller. */
  public TestCluster neverReady(String kind, String name) {
    dispatcher.controllers.neverReady.add(kind + " " + name);
    return this;
  }

  /**
   * Marks a namespace as being deleted (creating it if needed): it reads with a deletionTimestamp
   * and phase Terminating, and writes into it are refused with 403, as a real server does.
   */
  public TestCluster terminate(String namespace) {
    var ns = new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(namespace)
        .endMetadata().build();
    if (client.namespaces().withName(namespace).get() == null) {
      client.namespaces().resource(ns).create();
    }
    dispatcher.terminating.add(namespace);
    return this;
  }

  /**
   * An admission webhook that denies every write of this object ({@code Kind ns/name} or {@code
   * Kind name}) with this message; {@code null} lets it through again.
   */
  public TestCluster deny(String kindAndName, String message) {
    if (message == null) {
      dispatcher.denied.remove(kindAndName);
    } else {
      dispatcher.denied.put(kindAndName, message);
    }
    return this;
  }

  /**
   * The next {@code count} requests with this method (null: any) whose path contains {@code
   * pathContains} (null: any) are answered with {@code status} and a Status of that reason; with
   * {@code retryAfterSeconds > 0} a Retry-After header too.
   */
  public TestCluster failNext(int count, String method, String pathContains, int status, String reason,
      int retryAfterSeconds) {
    dispatcher.faults.add(new Faults.Fault(method, pathContains, status, reason, retryAfterSeconds, Duration.ZERO,
        new java.util.concurrent.atomic.AtomicInteger(count)));
    return this;
  }

  /** The next {@code count} matching requests are answered normally, {@code delay} late. */
  public TestCluster slowNext(int count, String method, String pathContains, Duration delay) {
    dispatcher.faults.add(new Faults.Fault(method, pathContains, 0, "", 0, delay,
        new java.util.concurrent.atomic.AtomicInteger(count)));
    return this;
  }

  /** Faults injected so far, by label ({@code HTTP 429}, {@code slow 300 ms}). */
  public java.util.Map<String, Integer> injected() {
    return dispatcher.faults.injected();
  }

  /** Whether every scripted fault has been used. */
  public boolean faultsUsedUp() {
    return dispatcher.faults.exhausted();
  }

  /** Every write request ({@code METHOD path?query [content type]}) in arrival order. */
  public List<String> writes() {
    return new ArrayList<>(dispatcher.writes);
  }

  /** Collection GET requests received, with their query strings, in arrival order. */
  public List<String> listRequests() {
    return new ArrayList<>(dispatcher.listRequests);
  }

  /**
   * The most list requests that were in flight at once, counting each as lasting exactly the
   * latency; meaningful only with a latency far above the server's own processing time.
   */
  public int peakListConcurrency() {
    long span = dispatcher.latency.toNanos();
    List<Long> starts = new ArrayList<>(dispatcher.listStarts);
    starts.sort(null);
    int peak = 0;
    for (int i = 0; i < starts.size(); i++) {
      int overlapping = 0;
      for (int j = i; j < starts.size() && starts.get(j) < starts.get(i) + span; j++) {
        overlapping++;
      }
      peak = Math.max(peak, overlapping);
    }
    return peak;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
