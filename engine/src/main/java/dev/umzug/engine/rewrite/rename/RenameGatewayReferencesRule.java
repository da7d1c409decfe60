package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import java.util.List;

/**
 * Points Gateway API cross-namespace references at renamed namespaces: a route's {@code
 * spec.parentRefs[].namespace}, {@code spec.rules[].backendRefs[].namespace} and request-mirror
 * backends, a Gateway's TLS {@code certificateRefs[].namespace}, and a ReferenceGrant's {@code
 * spec.from[].namespace}. A reference without a namespace means the object's own, which moves with
 * it. Ingress backends are always in the Ingress's own namespace and need nothing.
 */
public final class RenameGatewayReferencesRule extends NamespaceReferenceRuleBase {

  private static final String GROUP = "gateway.networking.k8s.io";

  private static final List<String> ROUTES =
      List.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");

  private static final JsonPointer MIRROR = JsonPointer.of("requestMirror", "backendRef", "namespace");

  @Override
  public String id() {
    return "namespace/rename-gateway-references";
  }

  @Override
  public String description() {
    return "Points Gateway API routes, Gateways and ReferenceGrants at renamed namespaces";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds(
        "HTTPRoute." + GROUP,
        "GRPCRoute." + GROUP,
        "TLSRoute." + GROUP,
        "TCPRoute." + GROUP,
        "UDPRoute." + GROUP,
        "Gateway." + GROUP,
        "ReferenceGrant." + GROUP);
  }

  @Override
  RewriteResult apply(ResourceView resource, RewriteContext context, Renames renames) {
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    JsonPointer spec = JsonPointer.of("spec");
    if (resource.kind().equals("ReferenceGrant")) {
      for (JsonPointer from : Renames.items(resource, spec.append("from"))) {
        renames.renameAt(resource, from.append("namespace"), result);
      }
    } else if (resource.kind().equals("Gateway")) {
      for (JsonPointer listener : Renames.items(resource, spec.append("listeners"))) {
        for (JsonPointer ref : Renames.items(resource, listener.append("tls", "certificateRefs"))) {
          renames.renameAt(resource, ref.append("namespace"), result);
        }
      }
    } else if (ROUTES.contains(resource.kind())) {
      for (JsonPointer parent : Renames.items(resource, spec.append("parentRefs"))) {
        renames.renameAt(resource, parent.append("namespace"), result);
      }
      for (JsonPointer rule : Renames.items(resource, spec.append("rules"))) {
        mirrors(resource, rule, renames, result);
        for (JsonPointer backend : Renames.items(resource, rule.append("backendRefs"))) {
          renames.renameAt(resource, backend.append("namespace"), result);
          mirrors(resource, backend, renames, result);
        }
      }
    }
    return result.build();
  }

  /** The request-mirror backends among the filters of a rule or a backend. */
  private static void mirrors(
      ResourceView resource, JsonPointer owner, Renames renames, RewriteResult.Builder result) {
    for (JsonPointer filter : Renames.items(resource, owner.append("filters"))) {
      renames.renameAt(resource, filter.append(MIRROR.segments().toArray()), result);
    }
  }
}
