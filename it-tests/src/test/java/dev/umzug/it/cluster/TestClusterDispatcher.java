package dev.umzug.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts what a real API server does and the CRUD mock does not around the mock's CRUD store:
 * discovery documents, {@code limit}/{@code continue} pagination, name order in lists, 404 when
 * creating into a namespace that does not exist, 403 for forbidden types, 401 for rejected
 * credentials, and a per-request latency (a timer in the server; no thread sleeps).
 *
 * <p>A page costs the size of the page, not of the store: the sorted listing of a collection is
 * kept until the next write (any request but a GET, or a {@link #load}), and a page is cut from it
 * as the stored JSON texts, without parsing them.
 */
final class TestClusterDispatcher extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CrudStore crud = new CrudStore();
  /** Changes before and after every write, so a listing computed during a write is never reused. */
  private final AtomicLong writeGeneration = new AtomicLong();
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  final List<String> listRequests = new CopyOnWriteArrayList<>();
  final List<Long> listStarts = new CopyOnWriteArrayList<>();
  volatile Duration latency = Duration.ZERO;
  volatile boolean rejectCredentials;
  final Controllers controllers = new Controllers();
  final Faults faults = new Faults();
  /** Namespaces being deleted: writes into them are refused. */
  final Set<String> terminating = ConcurrentHashMap.newKeySet();
  /** Namespaces known to exist; see {@link #namespaceExists}. */
  private final Set<String> knownNamespaces = ConcurrentHashMap.newKeySet();
  /** {@code Kind namespace/name} → the message of an admission webhook that denies writes of it. */
  final Map<String, String> denied = new ConcurrentHashMap<>();
  /** Every write request: {@code METHOD path?query [content type]}, in arrival order. */
  final List<String> writes = new CopyOnWriteArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Faults.Fault fault = faults.take(request.getMethod(), request.getPath());
    boolean write = !"GET".equals(request.getMethod());
    if (write) {
      writeGeneration.incrementAndGet(); // cached listings are stale from here on
    }
    MockResponse response;
    try {
      response = fault != null && fault.status() > 0 ? injected(fault) : respond(request);
    } finally {
      if (write) {
        writeGeneration.incrementAndGet();
      }
    }
    Duration delay = fault != null && fault.status() == 0 ? latency.plus(fault.delay()) : latency;
    if (!delay.isZero()) {
      response.setBodyDelay(delay);
    }
    return response;
  }

  /** A scripted failure; a 429 says how long to wait in the header and in the Status, as a real server does. */
  private static MockResponse injected(Faults.Fault fault) {
    ObjectNode s = statusBody(fault.status(), fault.reason(), "injected by the test cluster");
    if (fault.retryAfterSeconds() > 0) {
      s.putObject("details").put("retryAfterSeconds", fault.retryAfterSeconds());
    }
    MockResponse r = json(s).setResponseCode(fault.status());
    if (fault.retryAfterSeconds() > 0) {
      r.setHeader("Retry-After", fault.retryAfterSeconds());
    }
    return r;
  }

  private MockResponse respond(RecordedRequest request) {
    if (rejectCredentials) {
      return status(401, "Unauthorized", "Unauthorized");
    }
    String full = request.getPath();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    Map<String, String> query = query(q < 0 ? "" : full.substring(q + 1));
    String method = request.getMethod();
    if ("GET".equals(method)) {
      switch (path) {
        case "/api" -> {
          return json(apiVersions());
        }
        case "/api/v1" -> {
          return json(resourceList("", "v1"));
        }
        case "/apis" -> {
          return json(groupList());
        }
        default -> {
          if (path.matches("/apis/[^/]+")) {
            ObjectNode group = group(path.substring("/apis/".length()));
            return group == null ? status(404, "NotFound", "the server could not find the requested resource") : json(group);
          }
          if (path.matches("/apis/[^/]+/[^/]+")) {
            String[] parts = path.split("/");
            ObjectNode list = resourceList(parts[2], parts[3]);
            return list == null ? status(404, "NotFound", "the server could not find the requested resource") : json(list);
          }
        }
      }
    }
    Target target = Target.parse(path);
    if (target != null) {
      if (forbidden.contains(target.resource())) {
        return status(403, "Forbidden", target.resource() + " is forbidden: User \"test\" cannot "
            + method.toLowerCase() + " resource \"" + target.plural + "\"");
      }
      if ("POST".equals(method) && target.namespace != null && !namespaceExists(target.namespace)) {
        return status(404, "NotFound", "namespaces \"" + target.namespace + "\" not found");
      }
      if ("GET".equals(method) && target.name == null && !"true".equals(query.get("watch"))) {
        return list(path, full, query);
      }
      if (!"GET".equals(method)) {
        return write(request, target, path, query);
      }
      if (target.group.isEmpty() && target.plural.equals("namespaces") && target.name != null
          && terminating.contains(target.name)) {
        return terminatingNamespace(crud.dispatch(request));
      }
    }
    return crud.dispatch(request);
  }

  /**
   * A write: admission (terminating namespace, denying webhook), dry run, server-side apply, and
   * the controllers' status on what is stored.
   */
  private MockResponse write(RecordedRequest request, Target target, String path, Map<String, String> query) {
    String method = request.getMethod();
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    writes.add(method + " " + request.getPath() + " [" + contentType.split(";")[0] + "]");
    if ("DELETE".equals(method)) {
      if (target.group.isEmpty() && target.plural.equals("namespaces") && target.name != null) {
        knownNamespaces.remove(target.name);
      }
      return crud.dispatch(request);
    }
    boolean apply = "PATCH".equals(method) && contentType.startsWith("application/apply-patch");
    if ("PATCH".equals(method) && !apply) {
      return crud.dispatch(request);
    }
    ObjectNode body = (ObjectNode) read(request.getBody().getBytes());
    String ns = body.path("metadata").path("namespace").asText(target.namespace == null ? "" : target.namespace);
    if (!ns.isEmpty() && terminating.contains(ns)) {
      return status(403, "Forbidden", "unable to create new content in namespace " + ns
          + " because it is being terminated");
    }
    String key = Controllers.key(body);
    if (denied.containsKey(key)) {
      return status(400, "BadRequest", "admission webhook \"policy.example.com\" denied the request: "
          + denied.get(key));
    }
    String name = body.path("metadata").path("name").asText();
    Controllers.storeStringData(body);
    if ("POST".equals(method) && !query.containsKey("dryRun")) {
      // the store checks the name itself: no second scan of it for a plain create
      controllers.settle(body);
      MockResponse created = crud.dispatch(rewritten(request, method, request.getPath(), body));
      return created.code() == 409 ? alreadyExists(body) : created; // the store says Invalid, not AlreadyExists
    }
    String itemPath = "POST".equals(method) ? path + "/" + name : path;
    MockResponse existing = crud.handleGet(itemPath);
    boolean exists = existing.code() == 200;
    if (query.containsKey("dryRun")) {
      return dryRun(method, apply, exists, existing, body);
    }
    controllers.settle(body);
    if (apply) {
      if (exists) {
        body.with("metadata").put("resourceVersion",
            read(existing.getBody().getBytes()).path("metadata").path("resourceVersion").asText());
        return crud.handleUpdate(rewritten(request, "PUT", path, body));
      }
      return crud.handleCreate(rewritten(request, "POST", path.substring(0, path.lastIndexOf('/')), body));
    }
    return crud.dispatch(rewritten(request, method, request.getPath(), body));
  }

  private static MockResponse alreadyExists(ObjectNode body) {
    return status(409, "AlreadyExists", body.path("kind").asText().toLowerCase() + " \""
        + body.path("metadata").path("name").asText() + "\" already exists");
  }

  /** A namespace being deleted reads as a real server shows it: a deletionTimestamp and phase Terminating. */
  private static MockResponse terminatingNamespace(MockResponse stored) {
    if (stored.code() != 200) {
      return stored;
    }
    ObjectNode ns = (ObjectNode) read(stored.getBody().getBytes());
    ns.with("metadata").put("deletionTimestamp", "2026-12-01T00:00:00Z");
    ns.putObject("status").put("phase", "Terminating");
    return json(ns);
  }

  /** What a dry run answers: the checks, and the object as it would be stored; nothing is stored. */
  private static MockResponse dryRun(String method, boolean apply, boolean exists, MockResponse existing,
      ObjectNode body) {
    if ("POST".equals(method) && exists) {
      return alreadyExists(body);
    }
    if ("PUT".equals(method)) {
      if (!exists) {
        return status(404, "NotFound", "not found");
      }
      String live = read(existing.getBody().getBytes()).path("metadata").path("resourceVersion").asText();
      if (!live.equals(body.path("metadata").path("resourceVersion").asText())) {
        return status(409, "Conflict", "the object has been modified; please apply your changes to the latest"
            + " version and try again");
      }
    }
    return json(body).setResponseCode("POST".equals(method) || (apply && !exists) ? 201 : 200);
  }

  private static RecordedRequest rewritten(RecordedRequest request, String method, String path, ObjectNode body) {
    try {
      return new RecordedRequest(request.getHttpVersion(), io.fabric8.mockwebserver.dsl.HttpMethod.valueOf(method),
          path, request.getHeaders(), new io.fabric8.mockwebserver.http.Buffer(JSON.writeValueAsBytes(body)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A collection GET: the CRUD store's answer, sorted as etcd would and cut into pages. */
  private MockResponse list(String path, String full, Map<String, String> query) {
    listRequests.add(full);
    listStarts.add(System.nanoTime());
    StringBuilder rest = new StringBuilder();
    query.forEach((k, v) -> {
      if (!k.equals("limit") && !k.equals("continue")) {
        rest.append(rest.length() == 0 ? "?" : "&").append(k).append('=')
            .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    Listing listing = listing(path + rest);
    List<CrudStore.Stored> items = listing.items();
    int from = 0;
    if (query.containsKey("continue")) {
      String after = new String(Base64.getUrlDecoder().decode(query.get("continue")), StandardCharsets.UTF_8);
      from = firstAfter(items, after);
    }
    int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 0;
    int to = limit > 0 ? Math.min(items.size(), from + limit) : items.size();
    ObjectNode meta = JSON.createObjectNode().put("resourceVersion", listing.resourceVersion())
        .put("selfLink", "");
    if (to < items.size()) {
      meta.put("remainingItemCount", items.size() - to);
      meta.put("continue", Base64.getUrlEncoder().encodeToString(
          items.get(to - 1).key().getBytes(StandardCharsets.UTF_8)));
    }
    StringBuilder body = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
    for (int i = from; i < to; i++) {
      body.append(i > from ? "," : "").append(items.get(i).json());
    }
    try {
      body.append("],\"metadata\":").append(JSON.writeValueAsString(meta)).append('}');
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }

  /** The stored objects a collection path lists, in key order. */
  private Listing listing(String collection) {
    long before = writeGeneration.get();
    Listing cached = listings.get(collection);
    if (cached != null && cached.writes() == before) {
      return cached;
    }
    String resourceVersion = String.valueOf(crud.resourceVersion());
    List<CrudStore.Stored> items = crud.matching(collection);
    items.sort(Comparator.comparing(CrudStore.Stored::key));
    Listing listing = new Listing(before, List.copyOf(items), resourceVersion);
    listings.values().removeIf(l -> l.writes() != before);
    listings.put(collection, listing);
    return listing;
  }

  /** The index of the first item whose key sorts after {@code after}. */
  private static int firstAfter(List<CrudStore.Stored> items, String after) {
    int low = 0;
    int high = items.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (items.get(mid).key().compareTo(after) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** A sorted listing, valid while the write counter stays at {@code writes}. */
  private record Listing(long writes, List<CrudStore.Stored> items, String resourceVersion) {}

  /**
   * Creates the objects straight in the CRUD store, through the mock's own create handler (the same
   * metadata, validation and stored form as a POST), without HTTP and without the mock's scan of
   * the whole store for a name that exists: the names are checked once, against what is stored and
   * among themselves. For filling the cluster in tests; not concurrently with creates of the same
   * names.
   *
   * @throws IllegalStateException when a namespace is missing or a name is taken, before any is created
   */
  void load(List<? extends HasMetadata> objects) {
    Map<String, List<HasMetadata>> byCollection = new LinkedHashMap<>();
    for (HasMetadata object : objects) {
      byCollection.computeIfAbsent(collectionPath(object), p -> new ArrayList<>()).add(object);
    }
    Set<String> namespaces = new HashSet<>();
    for (Map.Entry<String, List<HasMetadata>> entry : byCollection.entrySet()) {
      Set<String> taken = new HashSet<>();
      crud.matching(entry.getKey()).forEach(s -> taken.add(s.key()));
      for (HasMetadata object : entry.getValue()) {
        String namespace = object.getMetadata().getNamespace();
        if (namespace != null && namespaces.add(namespace) && !namespaceExists(namespace)) {
          throw new IllegalStateException("namespaces \"" + namespace + "\" not found");
        }
        String key = (namespace == null ? "" : namespace) + "/" + object.getMetadata().getName();
        if (!taken.add(key)) {
          throw new IllegalStateException(object.getKind() + " " + key + " already exists");
        }
      }
    }
    writeGeneration.incrementAndGet();
    try {
      byCollection.forEach((path, list) -> list.forEach(object -> {
        MockResponse created = crud.createUnchecked(path, Serialization.asJson(object));
        if (created.code() != 201) {
          throw new IllegalStateException("creating " + object.getKind() + " "
              + object.getMetadata().getName() + ": HTTP " + created.code() + " "
              + created.getBody().readUtf8());
        }
      }));
    } finally {
      writeGeneration.incrementAndGet();
    }
  }

  /** The path a create of this object is posted to. */
  private static String collectionPath(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    String namespace = object.getMetadata().getNamespace();
    return (apiVersion.contains("/") ? "/apis/" : "/api/") + apiVersion
        + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + object.getPlural();
  }

  /** The storage key order of a real API server: namespace, then name. */
  private static String key(JsonNode item) {
    JsonNode meta = item.path("metadata");
    return meta.path("namespace").asText("") + "/" + meta.path("name").asText("");
  }

  /**
   * Whether a namespace exists. Namespaces seen once are remembered until a DELETE of them, so that
   * creates into a namespace do not scan the whole store a second time (a real server looks the
   * namespace up in a cache too).
   */
  private boolean namespaceExists(String namespace) {
    if (knownNamespaces.contains(namespace)) {
      return true;
    }
    boolean exists = crud.handleGet("/api/v1/namespaces/" + namespace).code() == 200;
    if (exists) {
      knownNamespaces.add(namespace);
    }
    return exists;
  }

  private ObjectNode apiVersions() {
    ObjectNode out = JSON.createObjectNode().put("kind", "APIVersions");
    out.putArray("versions").add("v1");
    out.putArray("serverAddressByClientCIDRs").addObject()
        .put("clientCIDR", "0.0.0.0/0").put("serverAddress", "localhost");
    return out;
  }

  /** Group name → versions in preference order, built-in groups then those of created CRDs. */
  private Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (BuiltinTypes.Type t : BuiltinTypes.TYPES) {
      if (!t.group().isEmpty()) {
        List<String> versions = groups.computeIfAbsent(t.group(), g -> new ArrayList<>());
        t.versions().stream().filter(v -> !versions.contains(v)).forEach(versions::add);
      }
    }
    for (JsonNode crd : crds()) {
      List<String> versions =
          groups.computeIfAbsent(crd.path("spec").path("group").asText(), g -> new ArrayList<>());
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (v.path("served").asBoolean(true) && !versions.contains(v.path("name").asText())) {
          versions.add(v.path("name").asText());
        }
      }
    }
    return groups;
  }

  private ObjectNode groupList() {
    ObjectNode out = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = out.putArray("groups");
    groups().forEach((name, versions) -> groups.add(group(name, versions)));
    return out;
  }

  /** The APIGroup document of {@code /apis/<group>}, or null when the group is not served. */
  private ObjectNode group(String name) {
    List<String> versions = groups().get(name);
    if (versions == null) {
      return null;
    }
    return group(name, versions).put("kind", "APIGroup").put("apiVersion", "v1");
  }

  private static ObjectNode group(String name, List<String> versions) {
    ObjectNode g = JSON.createObjectNode().put("name", name);
    ArrayNode vs = g.putArray("versions");
    versions.forEach(v -> vs.addObject().put("groupVersion", name + "/" + v).put("version", v));
    g.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
        .put("version", versions.get(0));
    return g;
  }

  /** The APIResourceList of one group version, or null when nothing is served there. */
  private ObjectNode resourceList(String group, String version) {
    Map<String, ObjectNode> resources = new TreeMap<>();
    for (BuiltinTypes.Type t : BuiltinTypes.TYPES) {
      if (t.group().equals(group) && t.versions().contains(version)) {
        resources.put(t.plural(), resource(t.plural(), t.kind(), t.namespaced(), t.verbs()));
      }
    }
    for (JsonNode crd : crds()) {
      JsonNode spec = crd.path("spec");
      if (!spec.path("group").asText().equals(group)) {
        continue;
      }
      for (JsonNode v : spec.path("versions")) {
        if (v.path("name").asText().equals(version) && v.path("served").asBoolean(true)) {
          String plural = spec.path("names").path("plural").asText();
          resources.put(plural, resource(plural, spec.path("names").path("kind").asText(),
              "Namespaced".equals(spec.path("scope").asText()), BuiltinTypes.ALL_VERBS));
        }
      }
    }
    if (resources.isEmpty()) {
      return null;
    }
    ObjectNode out = JSON.createObjectNode().put("kind", "APIResourceList")
        .put("apiVersion", "v1")
        .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode list = out.putArray("resources");
    resources.values().forEach(list::add);
    return out;
  }

  private static ObjectNode resource(String plural, String kind, boolean namespaced,
      List<String> verbs) {
    ObjectNode r = JSON.createObjectNode().put("name", plural).put("singularName", "")
        .put("namespaced", namespaced).put("kind", kind);
    ArrayNode vs = r.putArray("verbs");
    verbs.forEach(vs::add);
    return r;
  }

  /** The stored CRDs, by name; from the listing, so discovery does not scan the store each time. */
  private List<JsonNode> crds() {
    List<JsonNode> out = new ArrayList<>();
    for (CrudStore.Stored crd : listing("/apis/apiextensions.k8s.io/v1/customresourcedefinitions").items()) {
      out.add(read(crd.json().getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static MockResponse json(JsonNode body) {
    try {
      return new MockResponse().setResponseCode(200)
          .setHeader("Content-Type", "application/json")
          .setBody(JSON.writeValueAsString(body));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MockResponse status(int code, String reason, String message) {
    return json(statusBody(code, reason, message)).setResponseCode(code);
  }

  private static ObjectNode statusBody(int code, String reason, String message) {
    ObjectNode s = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1")
        .put("status", "Failure").put("message", message).put("reason", reason)
        .put("code", code);
    s.putObject("metadata");
    return s;
  }

  private static JsonNode read(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * fabric8's CRUD dispatcher with what the pages and {@link #load} need: the stored objects of a
   * collection without composing and parsing a list, the latest resourceVersion handed out, and a
   * create that skips the scan for an existing name.
   */
  static final class CrudStore extends KubernetesCrudDispatcher {

    /** A stored object: its storage key (namespace/name) and its JSON as the mock keeps it. */
    record Stored(String key, String json) {}

    private final AtomicLong resourceVersion = new AtomicLong();
    /** Set while this thread creates through {@link #createUnchecked}: the names are checked. */
    private final ThreadLocal<Boolean> unchecked = ThreadLocal.withInitial(() -> false);

    @Override
    public long requestResourceVersion() {
      long v = super.requestResourceVersion();
      resourceVersion.accumulateAndGet(v, Math::max);
      return v;
    }

    /** What a list answer names as its resourceVersion: the latest handed out. */
    long resourceVersion() {
      return resourceVersion.get();
    }

    /** The objects the mock would list for this collection path, in store order. */
    List<Stored> matching(String path) {
      AttributeSet query = attributeExtractor.fromPath(path);
      List<Map.Entry<AttributeSet, String>> entries;
      synchronized (map) {
        entries = new ArrayList<>(map.size());
        map.forEach((k, v) -> entries.add(Map.entry(k, v)));
      }
      List<Stored> out = new ArrayList<>();
      for (Map.Entry<AttributeSet, String> e : entries) {
        if (e.getKey().matches(query)) {
          out.add(new Stored(key(e.getKey(), e.getValue()), e.getValue()));
        }
      }
      return out;
    }

    /** A POST to {@code path} through the mock's handler, taking for granted that the name is free. */
    MockResponse createUnchecked(String path, String json) {
      Buffer body = new Buffer();
      body.writeUtf8(json);
      unchecked.set(true);
      try {
        return handleCreate(new RecordedRequest("HTTP/1.1", HttpMethod.POST, path,
            Headers.builder().add("Content-Type", "application/json").build(), body));
      } finally {
        unchecked.set(false);
      }
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
      return unchecked.get() ? null : super.findResource(attributes);
    }

    private static String key(AttributeSet attributes, String json) {
      Attribute name = attributes.getAttribute(KubernetesAttributesExtractor.NAME);
      Attribute namespace = attributes.getAttribute(KubernetesAttributesExtractor.NAMESPACE);
      if (name == null) {
        return TestClusterDispatcher.key(read(json.getBytes(StandardCharsets.UTF_8)));
      }
      return (namespace == null ? "" : namespace.getValues().get(0).toString()) + "/"
          + name.getValues().get(0);
    }
  }

  /** The resource a request path names. */
  private record Target(String group, String plural, String namespace, String name) {

    String resource() {
      return group.isEmpty() ? plural : plural + "." + group;
    }

    static Target parse(String path) {
      String[] p = path.split("/");
      int start;
      String group;
      if (p.length >= 4 && p[1].equals("api")) {
        group = "";
        start = 3;
      } else if (p.length >= 5 && p[1].equals("apis")) {
        group = p[2];
        start = 4;
      } else {
        return null;
      }
      List<String> rest = List.of(p).subList(start, p.length);
      if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
        return new Target(group, rest.get(2), rest.get(1), rest.size() > 3 ? rest.get(3) : null);
      }
      return new Target(group, rest.get(0), null, rest.size() > 1 ? rest.get(1) : null);
    }
  }
}
