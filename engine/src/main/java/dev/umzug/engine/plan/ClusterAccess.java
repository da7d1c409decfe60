package dev.umzug.engine.plan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A live cluster, reached through a kubeconfig context.
 *
 * @param kubeconfig the kubeconfig file, resolved against the plan's directory; empty means the
 *     usual lookup ({@code KUBECONFIG}, then {@code ~/.kube/config})
 * @param context the context to use, always named so that a plan never acts on whatever context
 *     happens to be current
 */
public record ClusterAccess(Optional<Path> kubeconfig, String context)
    implements SourceSpec.Origin, TargetSpec.Destination {

  public ClusterAccess {
    Objects.requireNonNull(kubeconfig, "kubeconfig");
    Objects.requireNonNull(context, "context");
  }
}
