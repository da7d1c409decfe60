package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;

/**
 * Points RoleBinding and ClusterRoleBinding subjects at the service accounts' new namespace: a
 * {@code ServiceAccount} subject's {@code namespace}, and the user and group names Kubernetes gives
 * service accounts ({@code system:serviceaccount:NS:NAME}, {@code system:serviceaccounts:NS}). A
 * RoleBinding's ServiceAccount subject without a namespace means the binding's own namespace, which
 * moves with it, and is left alone.
 */
public final class RenameBindingSubjectsRule extends NamespaceReferenceRuleBase {

  private static final String USER_PREFIX = "system:serviceaccount:";
  private static final String GROUP_PREFIX = "system:serviceaccounts:";

  @Override
  public String id() {
    return "namespace/rename-binding-subjects";
  }

  @Override
  public String description() {
    return "Points RoleBinding and ClusterRoleBinding service-account subjects at renamed namespaces";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds(
        "RoleBinding.rbac.authorization.k8s.io", "ClusterRoleBinding.rbac.authorization.k8s.io");
  }

  @Override
  RewriteResult apply(ResourceView resource, RewriteContext context, Renames renames) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    for (JsonPointer subject : Renames.items(resource, JsonPointer.of("subjects"))) {
      String kind = resource.text(subject.append("kind")).orElse("");
      switch (kind) {
        case "ServiceAccount" -> renames.renameAt(resource, subject.append("namespace"), result);
        case "User" -> renameName(resource, subject, USER_PREFIX, renames, result);
        case "Group" -> renameName(resource, subject, GROUP_PREFIX, renames, result);
        default -> {}
      }
    }
    return result.build();
  }

  /** Rewrites {@code PREFIX + namespace} or {@code PREFIX + namespace + ":" + rest}. */
  private static void renameName(
      ResourceView resource,
      JsonPointer subject,
      String prefix,
      Renames renames,
      RewriteResult.Builder result) {
    JsonPointer pointer = subject.append("name");
    String name = resource.text(pointer).orElse("");
    if (!name.startsWith(prefix)) {
      return;
    }
    String rest = name.substring(prefix.length());
    int colon = rest.indexOf(':');
    String namespace = colon < 0 ? rest : rest.substring(0, colon);
    String tail = colon < 0 ? "" : rest.substring(colon);
    if (prefix.equals(USER_PREFIX) == tail.isEmpty()) {
      return; // a user name needs ":NAME" after the namespace, a group name nothing
    }
    renames
        .target(namespace)
        .ifPresent(
            to -> {
              String renamed = prefix + to + tail;
              result.patch(PatchOp.replace(pointer, renamed));
              result.info(pointer + ": subject " + name + " becomes " + renamed);
            });
  }
}
