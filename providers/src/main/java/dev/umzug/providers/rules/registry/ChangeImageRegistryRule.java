package dev.umzug.providers.rules.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Workloads;
import dev.umzug.providers.profile.RegistryFacet;
import dev.umzug.providers.profile.RegistryHost;
import dev.umzug.providers.rules.support.Containers;
import dev.umzug.providers.rules.support.Facets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites container images in the source's registries (e.g. ECR) by the plan's registry mapping;
 * an unmapped image is a blocker, since the target cannot pull it. Reports the pull Secret the target
 * registry needs, because source pulls often relied on node cloud identity.
 */
public final class ChangeImageRegistryRule implements RewriteRule {

  @Override
  public String id() {
    return "registry/change-image-registry";
  }

  @Override
  public String description() {
    return "Rewrites images of the source's registries by mapping; unmapped ones block";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.WORKLOADS;
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, RegistryFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<JsonPointer> podSpec = Workloads.podSpec(resource);
    if (podSpec.isEmpty()) {
      return RewriteResult.unchanged();
    }
    RegistryFacet source = Facets.source(context, RegistryFacet.class);
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    List<String> rewritten = new ArrayList<>();
    for (Containers.Entry c : Containers.of(resource, podSpec.get())) {
      String image = c.image();
      Optional<RegistryHost> host = source.hostOf(hostOf(image));
      if (image.isEmpty() || host.isEmpty()) {
        continue;
      }
      Optional<String> mapped = context.mappings().registry(image);
      if (mapped.isPresent()) {
        result.patch(PatchOp.replace(c.pointer().append("image"), mapped.get()));
        result.info("container " + c.name() + ": image " + image + " becomes " + mapped.get());
        rewritten.add(mapped.get());
      } else {
        String example = Facets.target(context, RegistryFacet.class).exampleHost().orElse("<target registry>");
        result.blocker(
            "container " + c.name() + ": image " + image + " is in " + host.get().name()
                + ", which the target cannot pull from without a mapping" + host.get().confidence().caveat(),
            "add a registries mapping in the plan (e.g. " + hostOf(image) + ": " + example
                + ") and copy the image with skopeo copy or crane copy");
      }
    }
    if (!rewritten.isEmpty()) {
      pullSecretNote(resource, podSpec.get(), source, result);
    }
    return result.build();
  }

  private static void pullSecretNote(
      ResourceView resource, JsonPointer podSpec, RegistryFacet source, RewriteResult.Builder result) {
    List<String> secrets = new ArrayList<>();
    for (JsonNode s : resource.at(podSpec.append("imagePullSecrets"))) {
      secrets.add(s.path("name").asText());
    }
    if (secrets.isEmpty() && source.pullNeedsCloudIdentity()) {
      result.warning(
          "pulls from the source registry used the nodes' cloud identity; the target registry needs"
              + " credentials",
          "create a docker-registry Secret for the target registry and add it to imagePullSecrets"
              + " (or to the service account)");
    } else if (!secrets.isEmpty()) {
      result.warning(
          "imagePullSecrets " + String.join(", ", secrets) + " hold credentials for the source registry",
          "replace their content with credentials for the target registry");
    }
  }

  /** The registry host of an image reference; Docker Hub when the first part is not a host. */
  static String hostOf(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = image.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "docker.io";
  }
}
