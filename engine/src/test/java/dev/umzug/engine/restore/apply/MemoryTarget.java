package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.restore.apply.TargetException.Kind;
import dev.umzug.engine.spi.ResourceRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A target cluster in memory for restorer unit tests: objects by reference, resourceVersions, the
 * checks a real API server makes that the restorer depends on (namespace exists and is not
 * terminating, create of an existing object, stale resourceVersion), controllers that make objects
 * ready, scripted failures, and a log of writes in the order they happened. The it-tests run the
 * same restorer against a real HTTP API server.
 */
final class MemoryTarget implements Target {

  final Map<ResourceRef, ObjectNode> objects = new ConcurrentHashMap<>();
  final List<String> writes = Collections.synchronizedList(new ArrayList<>());
  final Set<ResourceRef> neverReady = ConcurrentHashMap.newKeySet();
  final Set<String> terminating = ConcurrentHashMap.newKeySet();
  /** {@code apiVersion kind} pairs the target does not serve. */
  final Set<String> unserved = ConcurrentHashMap.newKeySet();
  private final Deque<TargetException> faults = new ArrayDeque<>();
  private final Set<ResourceRef> rejected = new HashSet<>();
  private UnaryOperator<ObjectNode> afterWrite = UnaryOperator.identity();
  private long version = 100;
  boolean crashAfterWrite;

  /** The next calls fail with these, one each, before anything happens. */
  synchronized MemoryTarget failNext(TargetException... e) {
    faults.addAll(List.of(e));
    return this;
  }

  /** Writes of this object are refused as an admission webhook would. */
  synchronized MemoryTarget reject(ResourceRef ref) {
    rejected.add(ref);
    return this;
  }

  /** Changes every stored object after a write, as a mutating webhook or a controller would. */
  synchronized MemoryTarget afterWrite(UnaryOperator<ObjectNode> op) {
    afterWrite = op;
    return this;
  }

  void put(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.with("metadata").put("resourceVersion", Long.toString(version++));
    objects.put(refOf(copy), ready(copy));
  }

  @Override
  public String describe() {
    return "memory target";
  }

  @Override
  public synchronized Optional<ObjectNode> get(ResourceRef ref, String apiVersion) {
    fault();
    ObjectNode o = objects.get(ref);
    return Optional.ofNullable(o == null ? null : o.deepCopy());
  }

  @Override
  public synchronized ObjectNode create(ObjectNode object, boolean dryRun) {
    fault();
    ResourceRef ref = refOf(object);
    admit(ref);
    if (objects.containsKey(ref)) {
      throw new TargetException(Kind.ALREADY_EXISTS, 409, "AlreadyExists", ref + " already exists");
    }
    return store(ref, object, dryRun, "create");
  }

  @Override
  public synchronized ObjectNode replace(ObjectNode object, boolean dryRun) {
    fault();
    ResourceRef ref = refOf(object);
    admit(ref);
    ObjectNode live = objects.get(ref);
    if (live == null) {
      throw new TargetException(Kind.NOT_FOUND, 404, "NotFound", ref + " not found");
    }
    String rv = object.path("metadata").path("resourceVersion").asText("");
    if (!rv.equals(live.path("metadata").path("resourceVersion").asText())) {
      throw new TargetException(Kind.CONFLICT, 409, "Conflict", "the object has been modified");
    }
    return store(ref, object, dryRun, "replace");
  }

  @Override
  public synchronized ObjectNode apply(ObjectNode object, boolean dryRun) {
    fault();
    ResourceRef ref = refOf(object);
    admit(ref);
    return store(ref, object, dryRun, "apply");
  }

  @Override
  public synchronized boolean serves(String apiVersion, String kind) {
    fault();
    return !unserved.contains(apiVersion + " " + kind);
  }

  private void fault() {
    TargetException e = faults.poll();
    if (e != null) {
      throw e;
    }
  }

  private void admit(ResourceRef ref) {
    if (ref.isNamespaced()) {
      if (!objects.containsKey(new ResourceRef("", "Namespace", null, ref.namespace()))) {
        throw new TargetException(Kind.NOT_FOUND, 404, "NotFound", "namespaces \"" + ref.namespace() + "\" not found");
      }
      if (terminating.contains(ref.namespace())) {
        throw new TargetException(Kind.REJECTED, 403, "Forbidden", "unable to create new content in namespace "
            + ref.namespace() + " because it is being terminated");
      }
    }
    if (rejected.contains(ref)) {
      throw new TargetException(Kind.REJECTED, 400, "BadRequest",
          "admission webhook \"policy.example.com\" denied the request: images must come from the approved registry");
    }
  }

  private ObjectNode store(ResourceRef ref, ObjectNode object, boolean dryRun, String verb) {
    ObjectNode copy = object.deepCopy();
    copy.with("metadata").put("resourceVersion", Long.toString(version++));
    copy = ready(afterWrite.apply(copy));
    if (!dryRun) {
      objects.put(ref, copy);
      writes.add(verb + " " + ref);
    }
    if (crashAfterWrite) {
      throw new TargetException(Kind.UNAVAILABLE, 0, "connection reset", "connection reset");
    }
    return copy.deepCopy();
  }

  /** What the target's controllers do: namespaces active, CRDs established, claims bound, replicas up. */
  private ObjectNode ready(ObjectNode o) {
    ResourceRef ref = refOf(o);
    if (neverReady.contains(ref)) {
      return o;
    }
    ObjectNode status = o.putObject("status");
    switch (ref.groupKind()) {
      case "Namespace" -> status.put("phase", terminating.contains(ref.name()) ? "Terminating" : "Active");
      case "CustomResourceDefinition.apiextensions.k8s.io" ->
          status.putArray("conditions").addObject().put("type", "Established").put("status", "True");
      case "PersistentVolumeClaim" -> status.put("phase", "Bound");
      case "Deployment.apps", "StatefulSet.apps", "ReplicaSet.apps" -> {
        int replicas = o.path("spec").path("replicas").asInt(1);
        status.put("replicas", replicas).put("availableReplicas", replicas).put("readyReplicas", replicas);
      }
      default -> o.remove("status");
    }
    return o;
  }

  static ResourceRef refOf(ObjectNode o) {
    return ResourceRef.of(o.path("apiVersion").asText(), o.path("kind").asText(),
        o.path("metadata").path("namespace").asText(null), o.path("metadata").path("name").asText());
  }
}
