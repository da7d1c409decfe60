package dev.umzug.providers.rules.workloads;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.engine.spi.Workloads;
import dev.umzug.providers.gke.GkeProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocks workloads that run in GKE Sandbox (gVisor): {@code runtimeClassName: gvisor} or the node
 * selector {@code sandbox.gke.io/runtime: gvisor}. Without gVisor on the target they would run with
 * weaker isolation, or not at all. Proposes no patch: the node selector belongs to
 * {@code nodes/rewrite-node-selector}, and the runtime class is the operator's decision.
 */
public final class BlockGkeSandboxRule implements RewriteRule {

  static final String RUNTIME = "gvisor";
  static final String SELECTOR = "sandbox.gke.io/runtime";

  @Override
  public String id() {
    return "workloads/block-gke-sandbox";
  }

  @Override
  public String description() {
    return "Blocks workloads that run in GKE Sandbox (gVisor)";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.WORKLOADS;
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return GkeProfile.ID.equals(source.id());
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    Optional<JsonPointer> podSpec = Workloads.podSpec(resource);
    if (podSpec.isEmpty()) {
      return RewriteResult.unchanged();
    }
    List<String> markers = new ArrayList<>();
    if (resource.text(podSpec.get().append("runtimeClassName")).filter(RUNTIME::equals).isPresent()) {
      markers.add("runtimeClassName: " + RUNTIME);
    }
    if (resource.text(podSpec.get().append("nodeSelector", SELECTOR)).filter(RUNTIME::equals).isPresent()) {
      markers.add("nodeSelector " + SELECTOR + ": " + RUNTIME);
    }
    if (markers.isEmpty()) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .blocker(
            "runs in GKE Sandbox (" + String.join(", ", markers) + "): " + context.target().displayName()
                + " offers no gVisor runtime known to umzug, so the workload would lose its sandbox isolation",
            "decide per workload: run it without the sandbox (remove runtimeClassName) after a security review,"
                + " or use a target with gVisor worker pools (Gardener-based clusters can enable"
                + " containerruntime gvisor) and create a RuntimeClass gvisor there")
        .build();
  }
}
