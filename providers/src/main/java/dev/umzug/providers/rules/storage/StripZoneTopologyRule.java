package dev.umzug.providers.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ProviderProfile;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import dev.umzug.providers.profile.NodeSelectionFacet;
import dev.umzug.providers.profile.StorageFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes zone pinning in source zones from storage objects that are kept: {@code allowedTopologies}
 * of portable StorageClasses and {@code nodeAffinity} of portable PersistentVolumes. Vendor classes
 * and volumes are dropped by other rules, so they are left alone here.
 */
public final class StripZoneTopologyRule implements RewriteRule {

  @Override
  public String id() {
    return "storage/strip-zone-topology";
  }

  @Override
  public String description() {
    return "Removes storage class and volume topology pinned to the source's zones";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("StorageClass.storage.k8s.io", "PersistentVolume");
  }

  @Override
  public boolean relevantFor(ProviderProfile source, ProviderProfile target) {
    return Facets.both(source, target, StorageFacet.class);
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    StorageFacet source = Facets.source(context, StorageFacet.class);
    Set<String> zoneKeys = new LinkedHashSet<>(source.topologyKeys());
    context.source().facet(NodeSelectionFacet.class).ifPresent(n -> zoneKeys.addAll(n.zoneLabels()));
    boolean isClass = resource.kind().equals("StorageClass");
    String owner =
        isClass
            ? resource.text(JsonPointer.of("provisioner")).orElse(null)
            : resource.text(JsonPointer.of("spec", "csi", "driver")).orElse(null);
    if (source.isVendorProvisioner(owner)
        || (!isClass && source.inTreeVolumeSources().stream().anyMatch(f -> resource.has(JsonPointer.of("spec", f))))) {
      return RewriteResult.unchanged();
    }
    JsonPointer path =
        isClass ? JsonPointer.of("allowedTopologies") : JsonPointer.of("spec", "nodeAffinity");
    Set<String> zones = new TreeSet<>();
    Set<String> keys = new TreeSet<>();
    collect(resource.at(path), zoneKeys, keys, zones);
    if (keys.isEmpty()) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .patch(PatchOp.remove(path))
        .warning(
            (isClass ? "allowedTopologies" : "volume node affinity") + " on " + String.join(", ", keys)
                + " pinned to source zones " + String.join(", ", zones) + " was removed",
            "if the volume must stay in one zone, add a topology on the target's zone label "
                + "(topology.kubernetes.io/zone) with a target zone")
        .build();
  }

  /** Finds {@code key}/{@code values} pairs anywhere below a node, recording zone-keyed ones. */
  private static void collect(JsonNode node, Set<String> zoneKeys, Set<String> keys, Set<String> zones) {
    if (node.isObject()) {
      JsonNode key = node.get("key");
      if (key != null && key.isTextual() && zoneKeys.contains(key.asText())) {
        keys.add(key.asText());
        node.path("values").forEach(v -> zones.add(v.asText()));
      }
      node.elements().forEachRemaining(child -> collect(child, zoneKeys, keys, zones));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, zoneKeys, keys, zones));
    }
  }
}
