package dev.umzug.engine.source.cluster;

import dev.umzug.engine.error.ClusterAccessException;
import dev.umzug.engine.plan.ClusterAccess;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.util.stream.Collectors;

/**
 * Opens a client for a kubeconfig context. Everything the kubeconfig allows (exec credential
 * plugins, tokens, client certificates, proxies, CA files) is left to fabric8's own loader; this
 * class only insists that the named context exists, because fabric8 would otherwise fall back to
 * the current context silently.
 */
public final class ClusterConnection {

  private ClusterConnection() {}

  public static KubernetesClient open(ClusterAccess access, Integer retries) {
    Config config = load(access);
    if (retries != null) {
      config.setRequestRetryBackoffLimit(retries);
    }
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static Config load(ClusterAccess access) {
    String context = access.context();
    String where = access.kubeconfig().map(p -> "kubeconfig " + p).orElse("the kubeconfig");
    Config config;
    try {
      if (access.kubeconfig().isPresent()) {
        var file = access.kubeconfig().get();
        if (!Files.isReadable(file)) {
          throw new ClusterAccessException(where + " cannot be read", 0, null);
        }
        config = Config.fromKubeconfig(context, file.toFile());
      } else {
        config = Config.autoConfigure(context);
      }
    } catch (KubernetesClientException | IllegalArgumentException e) {
      // a failing exec credential plugin ends up here too; its output is not repeated, it may hold
      // a token
      throw new ClusterAccessException(
          "cannot load context '" + context + "' from " + where + ": "
              + ClusterErrors.rootCause(e),
          0, e);
    }
    NamedContext current = config.getCurrentContext();
    if (current == null || !context.equals(current.getName())) {
      String known =
          config.getContexts() == null || config.getContexts().isEmpty()
              ? "none"
              : config.getContexts().stream()
                  .map(NamedContext::getName)
                  .sorted()
                  .collect(Collectors.joining(", "));
      throw new ClusterAccessException(
          "context '" + context + "' not found in " + where + " (contexts: " + known + ")", 0,
          null);
    }
    return config;
  }
}
