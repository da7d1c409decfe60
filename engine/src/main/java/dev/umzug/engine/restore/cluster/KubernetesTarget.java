package dev.umzug.engine.restore.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.plan.ClusterAccess;
import dev.umzug.engine.restore.apply.Target;
import dev.umzug.engine.restore.apply.TargetException;
import dev.umzug.engine.restore.apply.TargetException.Kind;
import dev.umzug.engine.source.cluster.ClusterConnection;
import dev.umzug.engine.spi.ResourceRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link Target} of a live cluster, through fabric8: one request per call, fabric8's own
 * retries turned off (the restorer retries and counts every retry), types resolved by discovery
 * ({@link TypeResolver}). Creates are POSTs, replaces PUTs with the resourceVersion read, applies
 * server-side apply patches with field manager {@value #FIELD_MANAGER} and {@code force=true}; a
 * dry run adds {@code dryRun=All}.
 */
public final class KubernetesTarget implements Target, AutoCloseable {

  public static final String FIELD_MANAGER = "umzug";

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private final KubernetesClient client;
  private final String description;
  private final TypeResolver types;

  KubernetesTarget(KubernetesClient client, String description) {
    this.client = client;
    this.description = description;
    this.types = new TypeResolver(client);
  }

  /** Opens the cluster of a kubeconfig context; fails with a ClusterAccessException naming it. */
  public static KubernetesTarget open(ClusterAccess access) {
    KubernetesClient client = ClusterConnection.open(access, 0);
    return new KubernetesTarget(client, "target cluster of context '" + access.context() + "' ("
        + client.getConfiguration().getMasterUrl() + ")");
  }

  /** Wraps a client, e.g. one a test built. */
  public static KubernetesTarget of(KubernetesClient client, String description) {
    return new KubernetesTarget(client, description);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Optional<ObjectNode> get(ResourceRef ref, String apiVersion) {
    return request("get " + ref, () -> {
      String version = apiVersion == null || apiVersion.isEmpty() ? types.preferredVersion(ref.group()) : apiVersion;
      Optional<ResourceDefinitionContext> type = types.resolve(version, ref.kind());
      if (type.isEmpty()) {
        return Optional.empty(); // a type the target does not serve has no objects
      }
      GenericKubernetesResource live = resource(type.get(), ref.namespace(), ref.name()).get();
      return Optional.ofNullable(live).map(KubernetesTarget::tree);
    });
  }

  @Override
  public ObjectNode create(ObjectNode object, boolean dryRun) {
    ResourceRef ref = refOf(object);
    GenericKubernetesResource body = body(object);
    try {
      return request("create " + ref, () -> {
        Resource<GenericKubernetesResource> r = operation(typeOf(object, ref), ref.namespace()).resource(body);
        return tree(r.dryRun(dryRun).create());
      });
    } catch (TargetException e) {
      if (e.status() == 409 && e.kind() != Kind.ALREADY_EXISTS) {
        // a create can only conflict with an object of the same name, whatever reason the server gives
        throw new TargetException(Kind.ALREADY_EXISTS, 409, e.reason(), e.getMessage(), null, e);
      }
      throw e;
    }
  }

  @Override
  public ObjectNode replace(ObjectNode object, boolean dryRun) {
    ResourceRef ref = refOf(object);
    GenericKubernetesResource body = body(object);
    return request("replace " + ref, () -> {
      Resource<GenericKubernetesResource> r = operation(typeOf(object, ref), ref.namespace()).resource(body);
      return tree(r.dryRun(dryRun).update());
    });
  }

  @Override
  public ObjectNode apply(ObjectNode object, boolean dryRun) {
    ResourceRef ref = refOf(object);
    ObjectNode copy = object.deepCopy();
    copy.with("metadata").remove("resourceVersion"); // apply owns fields, not versions
    GenericKubernetesResource body = body(copy);
    return request("apply " + ref, () -> {
      return tree(operation(typeOf(object, ref), ref.namespace()).resource(body).dryRun(dryRun)
          .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
    });
  }

  @Override
  public boolean serves(String apiVersion, String kind) {
    return request("discover " + apiVersion, () -> types.resolve(apiVersion, kind).isPresent());
  }

  @Override
  public void close() {
    client.close();
  }

  private ResourceDefinitionContext typeOf(ObjectNode object, ResourceRef ref) {
    String apiVersion = object.path("apiVersion").asText();
    return types.resolve(apiVersion, ref.kind()).orElseThrow(() -> new TargetException(Kind.NOT_FOUND, 404,
        "NotFound", "the target does not serve " + ref.kind() + " at " + apiVersion + " (" + ref + ")"));
  }

  private NonNamespaceOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> operation(
      ResourceDefinitionContext type, String namespace) {
    var all = client.genericKubernetesResources(type);
    return type.isNamespaceScoped() && namespace != null ? all.inNamespace(namespace) : all;
  }

  private Resource<GenericKubernetesResource> resource(ResourceDefinitionContext type, String namespace, String name) {
    return operation(type, namespace).withName(name);
  }

  /** Runs one request; a failure that ends the restore names the target, since it is shown alone. */
  private <T> T request(String what, Supplier<T> call) {
    TargetException failure;
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      failure = TargetErrors.of(e, what);
    } catch (TargetException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = TargetErrors.unexpected(e, what);
    }
    if (failure.kind() == Kind.FATAL && !failure.getMessage().startsWith(description)) {
      failure = new TargetException(Kind.FATAL, failure.status(), failure.reason(),
          description + ": " + failure.getMessage(), null, failure.getCause());
    }
    throw failure;
  }

  private static GenericKubernetesResource body(ObjectNode object) {
    return JSON.convertValue(object, GenericKubernetesResource.class);
  }

  private static ObjectNode tree(GenericKubernetesResource resource) {
    return JSON.valueToTree(resource);
  }

  private static ResourceRef refOf(ObjectNode o) {
    return ResourceRef.of(o.path("apiVersion").asText(), o.path("kind").asText(),
        o.path("metadata").path("namespace").asText(null), o.path("metadata").path("name").asText());
  }
}
