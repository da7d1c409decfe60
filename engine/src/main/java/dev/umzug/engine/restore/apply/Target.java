package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.ResourceRef;
import java.util.Optional;

/**
 * The cluster a restore writes to, as the restorer needs it: read one object, create, replace,
 * server-side apply, and ask whether a type is served. The live implementation talks to a
 * Kubernetes API server ({@code engine.restore.cluster.KubernetesTarget}); unit tests use an
 * in-memory one.
 *
 * <p>Every method sends at most one request and does not retry: failures are {@link
 * TargetException}s whose {@link TargetException#kind()} tells the caller whether a retry can help.
 * Objects are passed and returned as JSON trees with {@code apiVersion} and {@code kind}.
 */
public interface Target {

  /** Where the target is, for messages: e.g. {@code cluster context ionos-prod (https://...)}. */
  String describe();

  /**
   * The live object, or empty when the target has none.
   *
   * @param apiVersion the version to read it in, e.g. {@code apps/v1}
   */
  Optional<ObjectNode> get(ResourceRef ref, String apiVersion);

  /**
   * Creates an object (HTTP POST).
   *
   * @param dryRun ask the server to validate and admit the object without storing it
   * @return the object as the server stored it (or would store it)
   * @throws TargetException of kind {@link TargetException.Kind#ALREADY_EXISTS} when it exists
   */
  ObjectNode create(ObjectNode object, boolean dryRun);

  /**
   * Replaces an object (HTTP PUT). The object's {@code metadata.resourceVersion} must be the one
   * read; when the live object changed since, the server answers {@link
   * TargetException.Kind#CONFLICT}.
   */
  ObjectNode replace(ObjectNode object, boolean dryRun);

  /**
   * Server-side apply (HTTP PATCH {@code application/apply-patch+yaml}) with field manager {@code
   * umzug}, taking over fields other managers own ({@code force=true}).
   */
  ObjectNode apply(ObjectNode object, boolean dryRun);

  /**
   * Whether the target serves the kind at the object's {@code apiVersion}. A type defined by a
   * CustomResourceDefinition restored earlier in the same run counts once it is served.
   */
  boolean serves(String apiVersion, String kind);
}
