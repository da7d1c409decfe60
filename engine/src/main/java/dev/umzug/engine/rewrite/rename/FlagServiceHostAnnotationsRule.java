package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reports annotations (of the object and of its pod template) whose values contain {@code ns.svc}
 * for a renamed namespace {@code ns}: an ingress controller's auth URL, a mesh or an agent may read
 * them, but what an annotation means is up to whoever reads it, so they are not rewritten. One
 * warning per object names the annotation keys, not their values. kubectl's last-applied
 * configuration is skipped: it is a copy of the object that {@code clean/strip-server-metadata}
 * removes.
 */
public final class FlagServiceHostAnnotationsRule extends NamespaceReferenceRuleBase {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  @Override
  public String id() {
    return "namespace/flag-service-host-annotations";
  }

  @Override
  public String description() {
    return "Reports annotations whose values name Service hosts in renamed namespaces";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.all();
  }

  @Override
  RewriteResult apply(ResourceView resource, RewriteContext context, Renames renames) {
    ServiceHosts hosts = new ServiceHosts(renames, context.inventory());
    List<String> keys = new ArrayList<>();
    SortedSet<String> namespaces = new TreeSet<>();
    List<JsonPointer> metadata = new ArrayList<>(List.of(JsonPointer.of("metadata")));
    Workloads.podMetadata(resource).ifPresent(metadata::add);
    for (JsonPointer m : metadata) {
      String where = m.segments().size() > 1 ? " (pod template)" : "";
      ResourceView.stringMap(resource.at(m.append("annotations")))
          .forEach(
              (key, value) -> {
                SortedSet<String> found = key.equals(LAST_APPLIED) ? new TreeSet<>() : hosts.mentioned(value);
                if (!found.isEmpty()) {
                  keys.add(key + where);
                  namespaces.addAll(found);
                }
              });
    }
    if (keys.isEmpty()) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .warning(
            "annotations " + String.join(", ", keys) + " name Service hosts in renamed namespaces "
                + renames.describe(namespaces) + "; annotations are not rewritten",
            "check what reads them and, if they must follow the rename, change them with a user rule")
        .build();
  }
}
