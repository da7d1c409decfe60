package dev.umzug.engine.rewrite.clean;

import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.Set;

/**
 * Drops objects in the system namespaces {@code kube-system}, {@code kube-public} and {@code
 * kube-node-lease}, and those Namespace objects themselves: they belong to the source cluster's
 * control plane and add-ons, which the target brings in its own versions. Each drop is a warning,
 * because an operator may have put something of their own there.
 */
public final class DropSystemNamespacesRule implements RewriteRule {

  static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");

  @Override
  public String id() {
    return "clean/drop-system-namespaces";
  }

  @Override
  public String description() {
    return "Drops objects in kube-system, kube-public and kube-node-lease";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.all();
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    String namespace = resource.ref().namespace();
    boolean namespaceObject = resource.is("", "Namespace") && SYSTEM.contains(resource.ref().name());
    if (!namespaceObject && (namespace == null || !SYSTEM.contains(namespace))) {
      return RewriteResult.unchanged();
    }
    String which = namespaceObject ? resource.ref().name() : namespace;
    return RewriteResult.builder(this, resource)
        .drop("system namespace " + which + " is not migrated")
        .warning(
            "not migrated: system namespace " + which + " belongs to the source cluster",
            "if you put this object there yourself, move it to a namespace of your own or"
                + " re-create it on the target")
        .build();
  }
}
