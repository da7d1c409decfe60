package dev.umzug.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.restore.DependencyRules.Catalog;
import dev.umzug.engine.restore.DependencyRules.Reference;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceRef;
import java.util.List;

/**
 * Backends of Ingresses (networking.k8s.io/v1 {@code service.name}, and the older {@code
 * serviceName}), their TLS Secrets, and Gateway API {@code backendRefs} of kind Service.
 */
final class RouteReferences {

  private RouteReferences() {}

  static void extract(RestoreItem item, Catalog catalog, List<Reference> out) {
    String gk = item.ref().groupKind();
    JsonNode spec = item.content().path("spec");
    if (gk.equals("Ingress.networking.k8s.io") || gk.equals("Ingress.extensions")) {
      backend(item, spec.path("defaultBackend"), JsonPointer.of("spec", "defaultBackend"), out);
      backend(item, spec.path("backend"), JsonPointer.of("spec", "backend"), out);
      JsonNode rules = spec.path("rules");
      for (int r = 0; r < rules.size(); r++) {
        JsonNode paths = rules.get(r).path("http").path("paths");
        for (int p = 0; p < paths.size(); p++) {
          backend(item, paths.get(p).path("backend"), JsonPointer.of("spec", "rules", r, "http", "paths", p, "backend"), out);
        }
      }
      JsonNode tls = spec.path("tls");
      for (int t = 0; t < tls.size(); t++) {
        String secret = tls.get(t).path("secretName").asText("");
        if (!secret.isEmpty()) {
          out.add(new Reference(DependencyRules.core("Secret", item.ref(), secret),
              JsonPointer.of("spec", "tls", t, "secretName"), "serves TLS with Secret " + secret));
        }
      }
    } else if (item.ref().group().equals("gateway.networking.k8s.io") && item.ref().kind().endsWith("Route")) {
      JsonNode rules = spec.path("rules");
      for (int r = 0; r < rules.size(); r++) {
        JsonNode refs = rules.get(r).path("backendRefs");
        for (int b = 0; b < refs.size(); b++) {
          JsonNode ref = refs.get(b);
          if (ref.path("kind").asText("Service").equals("Service") && ref.path("group").asText("").isEmpty()) {
            String name = ref.path("name").asText("");
            String ns = ref.path("namespace").asText(item.ref().namespace());
            out.add(new Reference(new ResourceRef("", "Service", ns, name),
                JsonPointer.of("spec", "rules", r, "backendRefs", b, "name"), "routes to Service " + name));
          }
        }
      }
    }
  }

  private static void backend(RestoreItem item, JsonNode backend, JsonPointer at, List<Reference> out) {
    String name = backend.path("service").path("name").asText(backend.path("serviceName").asText(""));
    if (!name.isEmpty()) {
      JsonPointer via = backend.has("service") ? at.append("service", "name") : at.append("serviceName");
      out.add(new Reference(DependencyRules.core("Service", item.ref(), name), via, "routes to Service " + name));
    }
  }
}
