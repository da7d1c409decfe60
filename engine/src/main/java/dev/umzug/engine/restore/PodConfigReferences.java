package dev.umzug.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.restore.DependencyRules.Catalog;
import dev.umzug.engine.restore.DependencyRules.Reference;
import dev.umzug.engine.spi.JsonPointer;
import java.util.List;

/**
 * The ConfigMaps and Secrets a pod spec needs: volumes (also projected), {@code env[].valueFrom},
 * {@code envFrom} of every container list, and {@code imagePullSecrets}. References marked {@code
 * optional: true} are skipped: the pod starts without them.
 */
final class PodConfigReferences {

  private PodConfigReferences() {}

  static void extract(RestoreItem item, Catalog catalog, List<Reference> out) {
    PodSpecs.locate(item.ref()).ifPresent(spec -> {
      JsonNode podSpec = PodSpecs.at(item.content(), spec);
      JsonNode volumes = podSpec.path("volumes");
      for (int i = 0; i < volumes.size(); i++) {
        JsonNode v = volumes.get(i);
        JsonPointer at = spec.append("volumes", i);
        ref(item, v.path("configMap"), "name", "ConfigMap", at.append("configMap", "name"), "mounts", out);
        ref(item, v.path("secret"), "secretName", "Secret", at.append("secret", "secretName"), "mounts", out);
        JsonNode sources = v.path("projected").path("sources");
        for (int j = 0; j < sources.size(); j++) {
          JsonPointer src = at.append("projected", "sources", j);
          ref(item, sources.get(j).path("configMap"), "name", "ConfigMap", src.append("configMap", "name"), "mounts", out);
          ref(item, sources.get(j).path("secret"), "name", "Secret", src.append("secret", "name"), "mounts", out);
        }
      }
      for (String list : PodSpecs.CONTAINER_LISTS) {
        JsonNode containers = podSpec.path(list);
        for (int c = 0; c < containers.size(); c++) {
          JsonPointer at = spec.append(list, c);
          JsonNode env = containers.get(c).path("env");
          for (int e = 0; e < env.size(); e++) {
            JsonNode from = env.get(e).path("valueFrom");
            JsonPointer ep = at.append("env", e, "valueFrom");
            ref(item, from.path("configMapKeyRef"), "name", "ConfigMap", ep.append("configMapKeyRef", "name"), "reads", out);
            ref(item, from.path("secretKeyRef"), "name", "Secret", ep.append("secretKeyRef", "name"), "reads", out);
          }
          JsonNode envFrom = containers.get(c).path("envFrom");
          for (int e = 0; e < envFrom.size(); e++) {
            JsonPointer ep = at.append("envFrom", e);
            ref(item, envFrom.get(e).path("configMapRef"), "name", "ConfigMap", ep.append("configMapRef", "name"), "reads", out);
            ref(item, envFrom.get(e).path("secretRef"), "name", "Secret", ep.append("secretRef", "name"), "reads", out);
          }
        }
      }
      JsonNode pullSecrets = podSpec.path("imagePullSecrets");
      for (int i = 0; i < pullSecrets.size(); i++) {
        ref(item, pullSecrets.get(i), "name", "Secret", spec.append("imagePullSecrets", i, "name"),
            "pulls images with", out);
      }
    });
  }

  private static void ref(RestoreItem item, JsonNode holder, String field, String kind, JsonPointer via,
      String verb, List<Reference> out) {
    String name = holder.path(field).asText("");
    if (!name.isEmpty() && !holder.path("optional").asBoolean(false)) {
      out.add(new Reference(DependencyRules.core(kind, item.ref(), name), via, verb + " " + kind + " " + name));
    }
  }
}
