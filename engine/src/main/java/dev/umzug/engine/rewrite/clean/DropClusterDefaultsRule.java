package dev.umzug.engine.rewrite.clean;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops objects every cluster makes for itself: the {@code kube-root-ca.crt} ConfigMap of each
 * namespace (the source's CA, wrong on the target), the {@code default} ServiceAccount of each
 * namespace and the API server's {@code default/kubernetes} Service. Settings an operator added to
 * a {@code default} ServiceAccount (image pull secrets, annotations, labels, token automounting)
 * would be lost silently, so they are named in a warning.
 */
public final class DropClusterDefaultsRule implements RewriteRule {

  @Override
  public String id() {
    return "clean/drop-cluster-defaults";
  }

  @Override
  public String description() {
    return "Drops kube-root-ca.crt, default ServiceAccounts and the kubernetes Service";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("ConfigMap", "ServiceAccount", "Service");
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    String name = resource.ref().name();
    switch (resource.kind()) {
      case "ConfigMap" -> {
        if (name.equals("kube-root-ca.crt")) {
          result.drop("the source cluster's CA certificate, which every namespace of the target"
              + " gets from its own cluster");
        }
      }
      case "Service" -> {
        if (name.equals("kubernetes") && "default".equals(resource.ref().namespace())) {
          result.drop("the API server's own Service: the target has its own");
        }
      }
      case "ServiceAccount" -> {
        if (name.equals("default")) {
          result.drop("every namespace of the target gets its own default ServiceAccount");
          List<String> lost = lostSettings(resource);
          if (!lost.isEmpty()) {
            result.warning(
                "default ServiceAccount dropped with settings an operator added: "
                    + String.join("; ", lost),
                "set them on the target's default ServiceAccount in namespace "
                    + resource.ref().namespace() + ", e.g. with kubectl patch serviceaccount"
                    + " default");
          }
        }
      }
      default -> {
        // not selected
      }
    }
    return result.build();
  }

  private static List<String> lostSettings(ResourceView resource) {
    List<String> lost = new ArrayList<>();
    List<String> pullSecrets = new ArrayList<>();
    resource
        .at(JsonPointer.of("imagePullSecrets"))
        .forEach(s -> pullSecrets.add(s.path("name").asText("?")));
    if (!pullSecrets.isEmpty()) {
      lost.add("imagePullSecrets " + String.join(", ", pullSecrets));
    }
    List<String> annotations =
        resource.annotations().keySet().stream()
            .filter(k -> !StripServerMetadataRule.ANNOTATIONS.contains(k))
            .sorted()
            .toList();
    if (!annotations.isEmpty()) {
      lost.add("annotations " + String.join(", ", annotations));
    }
    if (!resource.labels().isEmpty()) {
      lost.add("labels " + String.join(", ", resource.labels().keySet().stream().sorted().toList()));
    }
    resource
        .text(JsonPointer.of("automountServiceAccountToken"))
        .ifPresent(v -> lost.add("automountServiceAccountToken: " + v));
    return lost;
  }
}
