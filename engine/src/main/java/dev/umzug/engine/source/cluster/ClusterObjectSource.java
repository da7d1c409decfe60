package dev.umzug.engine.source.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.error.ClusterAccessException;
import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SourceItem;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Objects from the namespaces of a live cluster, reached through a kubeconfig context.
 *
 * <p><b>What is read.</b> The Namespace objects; then every namespaced resource type the cluster
 * serves and allows to list, custom resources included, each at its group's preferred version (see
 * {@link ApiDiscovery}), except {@link ClusterSourceOptions#excludedResources()}; then the
 * cluster-scoped objects those namespaces depend on.
 *
 * <p><b>Order</b>, the same on every call while the cluster does not change: Namespaces by name;
 * then types by group, kind and plural; within a type, namespaces by name; within a namespace,
 * objects in the order the API server returns them, which for a real API server is by name (its
 * storage is keyed by namespace and name). Then the dependencies, by type in the same order and by
 * name.
 *
 * <p><b>Memory and parallelism.</b> Each type in each namespace is listed in pages of {@link
 * ClusterSourceOptions#pageSize()}; up to {@link ClusterSourceOptions#parallelism()} listings run at
 * once, ahead of the one being delivered, each holding at most {@value PagedList#PAGES_AHEAD}
 * pages. Objects reach the consumer in the order above, one at a time, and are not kept.
 *
 * <p><b>Dependencies</b> are cluster-scoped objects read for planning, not for blind restore: the
 * CustomResourceDefinitions of the custom resources found, the ClusterRoles that RoleBindings
 * refer to, and the PriorityClasses, IngressClasses and StorageClasses that pods, Ingresses and
 * PersistentVolumeClaims name. Their location starts with {@value #DEPENDENCY_PREFIX} (see {@link
 * #isClusterDependency}); other objects' locations start with {@value #LOCATION_PREFIX}.
 *
 * <p><b>Problems.</b> A type that cannot be listed (HTTP 403, 404, 405) is skipped with a warning
 * under {@value #RULE_ID}; another HTTP error on one type is an error finding; neither stops the
 * stream. A namespace that does not exist is a {@link NamespaceNotFoundException}. A cluster that
 * cannot be reached, an unknown context, or rejected credentials is a {@link
 * ClusterAccessException} with a one-line message.
 */
public final class ClusterObjectSource implements ObjectSource {

  /** Rule id of the findings about reading a cluster. */
  public static final String RULE_ID = "source/read-cluster";

  /** Location prefix of the objects read from the namespaces. */
  public static final String LOCATION_PREFIX = "cluster:";

  /** Location prefix of cluster-scoped objects read because the namespaces depend on them. */
  public static final String DEPENDENCY_PREFIX = "cluster-dependency:";

  private final ClusterAccess access;
  private final ClusterSourceOptions options;
  private volatile List<VolumeInventory> volumes;

  public ClusterObjectSource(ClusterAccess access, ClusterSourceOptions options) {
    this.access = Objects.requireNonNull(access, "access");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Whether the item is a cluster-scoped dependency, for planning only. */
  public static boolean isClusterDependency(SourceItem item) {
    return item.location() != null && item.location().startsWith(DEPENDENCY_PREFIX);
  }

  @Override
  public String describe() {
    return "cluster context " + access.context() + " (namespaces "
        + String.join(", ", options.namespaces()) + ")";
  }

  /**
   * The PersistentVolumeClaims of the last {@link #read}, in reading order, each with the
   * workloads that mount it.
   *
   * @throws IllegalStateException before a read completed
   */
  public List<VolumeInventory> volumes() {
    List<VolumeInventory> v = volumes;
    if (v == null) {
      throw new IllegalStateException("volumes are known after a complete read");
    }
    return v;
  }

  /**
   * @throws ClusterAccessException when the cluster cannot be reached or refuses us
   * @throws NamespaceNotFoundException when a namespace does not exist
   */
  @Override
  public void read(Consumer<SourceItem> items, Consumer<Finding> problems) throws IOException {
    volumes = null;
    try (KubernetesClient client = ClusterConnection.open(access, options.retries())) {
      try {
        new Reading(client, items, problems).run();
      } catch (KubernetesClientException e) {
        throw ClusterErrors.access(e, access.context(), client.getConfiguration().getMasterUrl(),
            null, "read the cluster");
      }
    }
  }

  /** One pass over the cluster. */
  private final class Reading {

    private final KubernetesClient client;
    private final Consumer<SourceItem> items;
    private final Consumer<Finding> problems;
    private final String server;
    private final ReferenceTracker tracker = new ReferenceTracker();

    Reading(KubernetesClient client, Consumer<SourceItem> items, Consumer<Finding> problems) {
      this.client = client;
      this.items = items;
      this.problems = problems;
      this.server = client.getConfiguration().getMasterUrl();
    }

    void run() throws IOException {
      List<ObjectNode> namespaces = namespaces();
      List<ResourceType> types;
      try {
        types = new ApiDiscovery(client, problems).namespacedTypes();
      } catch (KubernetesClientException e) {
        throw fail(e, null, "discover the API resources");
      }
      types.removeIf(t -> options.excludedResources().contains(t.resource()));
      for (ObjectNode ns : namespaces) {
        deliver(ResourceType.NAMESPACE, ns, LOCATION_PREFIX);
      }
      List<PagedList> lists = new ArrayList<>();
      for (ResourceType type : types) {
        for (String ns : options.namespaces()) {
          lists.add(new PagedList(client, type, ns, options.pageSize()));
        }
      }
      listAll(lists);
      dependencies();
      volumes = tracker.volumes();
    }

    /** Every namespace asked for, or the error naming those that do not exist. */
    private List<ObjectNode> namespaces() {
      List<ObjectNode> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String name : options.namespaces()) {
        GenericKubernetesResource ns;
        try {
          ns = client.genericKubernetesResources(ResourceType.NAMESPACE.context())
              .withName(name).get();
        } catch (KubernetesClientException e) {
          throw fail(e, name, "get namespace " + name);
        }
        if (ns == null) {
          missing.add(name);
        } else {
          found.add(toNode(ResourceType.NAMESPACE, ns));
        }
      }
      if (!missing.isEmpty()) {
        throw new NamespaceNotFoundException(access.context(), missing);
      }
      return found;
    }

    /** Runs the listings ahead of the reader, at most {@code parallelism} at once, in order. */
    private void listAll(List<PagedList> lists) throws IOException {
      AtomicInteger threads = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
        Thread t = new Thread(r, "umzug-list-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      try {
        int submitted = 0;
        for (int i = 0; i < lists.size(); i++) {
          while (submitted < lists.size() && submitted < i + options.parallelism()) {
            pool.execute(lists.get(submitted++));
          }
          drain(lists.get(i));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading " + describe());
      } finally {
        pool.shutdownNow();
      }
    }

    private void drain(PagedList list) throws InterruptedException {
      while (true) {
        PagedList.Page page = list.take();
        if (page instanceof PagedList.Items p) {
          for (ObjectNode object : p.objects()) {
            deliver(list.type(), object, LOCATION_PREFIX);
          }
        } else if (page instanceof PagedList.Failed f) {
          skip(list, f.cause());
          return;
        } else {
          return;
        }
      }
    }

    private void skip(PagedList list, KubernetesClientException e) {
      String what = "list " + list.type().resource() + " in namespace " + list.namespace();
      if (ClusterErrors.isFatal(e)) {
        throw fail(e, list.namespace(), what);
      }
      int code = e.getCode();
      boolean expected = code == 403 || code == 404 || code == 405;
      problems.accept(new Finding(
          expected ? Severity.WARNING : Severity.ERROR, RULE_ID, null,
          LOCATION_PREFIX + access.context() + "/" + list.namespace() + "/"
              + list.type().resource(),
          "cannot " + what + " (HTTP " + code + "): its objects are not read",
          code == 403
              ? "grant list on " + list.type().resource() + " to the identity of context '"
                  + access.context() + "', or accept that it is not migrated"
              : ""));
    }

    /** Fetches the cluster-scoped objects the namespaces refer to, by type and name. */
    private void dependencies() {
      for (Map.Entry<ResourceType, SortedSet<String>> entry : tracker.dependencies().entrySet()) {
        ResourceType type = entry.getKey();
        for (String name : entry.getValue()) {
          GenericKubernetesResource object;
          try {
            object = client.genericKubernetesResources(type.context()).withName(name).get();
          } catch (KubernetesClientException e) {
            if (ClusterErrors.isFatal(e)) {
              throw fail(e, null, "get " + type.resource() + " " + name);
            }
            problems.accept(new Finding(Severity.WARNING, RULE_ID,
                new ResourceRef(type.group(), type.kind(), null, name), null,
                "cannot get " + type.resource() + " " + name + " (HTTP " + e.getCode()
                    + "), which the namespaces depend on",
                ""));
            continue;
          }
          if (object == null) {
            if (type != ResourceType.CRD) { // a type of a dotted group that no CRD serves is fine
              problems.accept(new Finding(Severity.WARNING, RULE_ID,
                  new ResourceRef(type.group(), type.kind(), null, name), null,
                  type.kind() + " " + name + " is referred to but does not exist in the cluster",
                  ""));
            }
            continue;
          }
          ObjectNode node = toNode(type, object);
          items.accept(new SourceItem(node, DEPENDENCY_PREFIX + access.context() + "/"
              + type.resource() + "/" + name));
        }
      }
    }

    private void deliver(ResourceType type, ObjectNode object, String prefix) {
      tracker.observe(type, object);
      String ns = object.path("metadata").path("namespace").asText("");
      String name = object.path("metadata").path("name").asText("");
      String where = ns.isEmpty() ? type.resource() + "/" + name
          : ns + "/" + type.resource() + "/" + name;
      items.accept(new SourceItem(object, prefix + access.context() + "/" + where));
    }

    private ObjectNode toNode(ResourceType type, GenericKubernetesResource resource) {
      ObjectNode node = client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
      if (!node.hasNonNull("apiVersion") || !node.hasNonNull("kind")) {
        node.put("apiVersion", type.apiVersion());
        node.put("kind", type.kind());
      }
      return node;
    }

    private ClusterAccessException fail(KubernetesClientException e, String ns, String what) {
      return ClusterErrors.access(e, access.context(), server, ns, what);
    }
  }
}
