package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.Workloads;
import java.util.Optional;

/**
 * Points Service host names in renamed namespaces ({@code svc.ns.svc}, {@code
 * svc.ns.svc.cluster.local}, and {@code svc.ns} with a port or in a URL; see {@link ServiceHosts})
 * at the new namespace, in container {@code env[].value} of every container of every workload,
 * ConfigMap {@code data} values and a Service's {@code spec.externalName}. A bare {@code svc.ns}
 * that looks like a host but names no Service read from the source is left alone with a warning.
 */
public final class RewriteServiceHostsRule extends NamespaceReferenceRuleBase {

  @Override
  public String id() {
    return "namespace/rewrite-service-hosts";
  }

  @Override
  public String description() {
    return "Points Service host names in env values, ConfigMap data and ExternalName Services at"
        + " renamed namespaces";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.WORKLOADS.and(ResourceSelector.kinds("ConfigMap", "Service"));
  }

  @Override
  RewriteResult apply(ResourceView resource, RewriteContext context, Renames renames) {
    ServiceHosts hosts = new ServiceHosts(renames, context.inventory());
    RewriteResult.Builder result = RewriteResult.builder(this, resource);
    if (resource.is("", "ConfigMap")) {
      resource
          .at(JsonPointer.of("data"))
          .fieldNames()
          .forEachRemaining(
              key -> rewrite(resource, JsonPointer.of("data", key), "data key " + key, hosts, result));
    } else if (resource.is("", "Service")) {
      rewrite(resource, JsonPointer.of("spec", "externalName"), "externalName", hosts, result);
    } else {
      for (JsonPointer container : Workloads.containers(resource)) {
        String name = resource.text(container.append("name")).orElse("");
        for (JsonPointer env : Renames.items(resource, container.append("env"))) {
          String variable = resource.text(env.append("name")).orElse("");
          rewrite(
              resource, env.append("value"), "env " + variable + " of container " + name, hosts, result);
        }
      }
    }
    return result.build();
  }

  private static void rewrite(
      ResourceView resource,
      JsonPointer pointer,
      String field,
      ServiceHosts hosts,
      RewriteResult.Builder result) {
    Optional<String> text = resource.text(pointer);
    if (text.isEmpty()) {
      return;
    }
    ServiceHosts.Scan scan = hosts.scan(text.get());
    if (scan.changed()) {
      result.patch(PatchOp.replace(pointer, scan.text()));
      result.info(pointer + " (" + field + "): " + String.join(", ", scan.rewritten()));
    }
    for (String host : scan.unknown()) {
      result.warning(
          pointer + " (" + field + "): " + host + " looks like a Service host in a renamed namespace,"
              + " but no such Service was read from the source; left unchanged",
          "if it names a Service of that namespace, point it at the new namespace with a user rule");
    }
  }
}
