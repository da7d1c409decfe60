package dev.umzug.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Puts what a real API server does and the CRUD mock does not around the mock's CRUD store:
 * discovery documents, {@code limit}/{@code continue} pagination, name order in lists, 404 when
 * creating into a namespace that does not exist, 403 for forbidden types, 401 for rejected
 * credentials, and a per-request latency (a timer in the server; no thread sleeps).
 */
final class TestClusterDispatcher extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  final List<String> listRequests = new CopyOnWriteArrayList<>();
  final List<Long> listStarts = new CopyOnWriteArrayList<>();
  volatile Duration latency = Duration.ZERO;
  volatile boolean rejectCredentials;
  final Controllers controllers = new Controllers();
  final Faults faults = new Faults();
  /** Namespaces being deleted: writes into them are refused. */
  final Set<String> terminating = ConcurrentHashMap.newKeySet();
  /** {@code Kind namespace/name} → the message of an admission webhook that denies writes of it. */
  final Map<String, String> denied = new ConcurrentHashMap<>();
  /** Every write request: {@code METHOD path?query [content type]}, in arrival order. */
  final List<String> writes = new CopyOnWriteArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Faults.Fault fault = faults.take(request.getMethod(), request.getPath());
    MockResponse response = fault != null && fault.status() > 0 ? injected(fault) : respond(request);
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
    String itemPath = "POST".equals(method) ? path + "/" + name : path;
    MockResponse existing = crud.handleGet(itemPath);
    boolean exists = existing.code() == 200;
    if (query.containsKey("dryRun")) {
      Controllers.storeStringData(body);
      return dryRun(method, apply, exists, existing, body);
    }
    if ("POST".equals(method) && exists) {
      return alreadyExists(body); // the CRUD store answers 409 with reason Invalid
    }
    Controllers.storeStringData(body);
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
    MockResponse all = crud.handleGet(path + rest);
    if (all.code() != 200) {
      return all;
    }
    ObjectNode body = (ObjectNode) read(all.getBody().getBytes());
    List<JsonNode> items = new ArrayList<>();
    body.path("items").forEach(items::add);
    items.sort(Comparator.comparing(TestClusterDispatcher::key));
    String after = query.containsKey("continue")
        ? new String(Base64.getUrlDecoder().decode(query.get("continue")), StandardCharsets.UTF_8)
        : null;
    if (after != null) {
      items.removeIf(i -> key(i).compareTo(after) <= 0);
    }
    int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 0;
    ObjectNode meta = body.withObjectProperty("metadata");
    meta.remove("continue");
    if (limit > 0 && items.size() > limit) {
      meta.put("remainingItemCount", items.size() - limit);
      items = items.subList(0, limit);
      meta.put("continue", Base64.getUrlEncoder().encodeToString(
          key(items.get(limit - 1)).getBytes(StandardCharsets.UTF_8)));
    }
    ArrayNode page = body.putArray("items");
    items.forEach(page::add);
    return json(body);
  }

  /** The storage key order of a real API server: namespace, then name. */
  private static String key(JsonNode item) {
    JsonNode meta = item.path("metadata");
    return meta.path("namespace").asText("") + "/" + meta.path("name").asText("");
  }

  private boolean namespaceExists(String namespace) {
    return crud.handleGet("/api/v1/namespaces/" + namespace).code() == 200;
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

  private List<JsonNode> crds() {
    MockResponse r = crud.handleGet("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
    List<JsonNode> out = new ArrayList<>();
    if (r.code() == 200) {
      read(r.getBody().getBytes()).path("items").forEach(out::add);
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
