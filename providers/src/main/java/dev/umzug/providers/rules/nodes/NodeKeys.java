package dev.umzug.providers.rules.nodes;

import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.providers.profile.CapacityLabel;
import dev.umzug.providers.profile.NodeSelectionFacet;
import dev.umzug.providers.rules.support.Facets;
import java.util.List;
import java.util.Optional;

/** Classifies node label and taint keys of the source, and maps pool and zone values. */
final class NodeKeys {

  /** What a key means on the source. */
  enum Role {
    POOL,
    ZONE,
    CAPACITY,
    INSTANCE_TYPE,
    VENDOR,
    PORTABLE
  }

  private final NodeSelectionFacet source;
  private final NodeSelectionFacet target;
  private final RewriteContext context;

  NodeKeys(RewriteContext context) {
    this.context = context;
    this.source = Facets.source(context, NodeSelectionFacet.class);
    this.target = Facets.target(context, NodeSelectionFacet.class);
  }

  NodeSelectionFacet source() {
    return source;
  }

  NodeSelectionFacet target() {
    return target;
  }

  Role role(String key) {
    if (source.poolLabels().contains(key)) {
      return Role.POOL;
    }
    if (source.zoneLabels().contains(key)) {
      return Role.ZONE;
    }
    if (source.capacityLabel(key).isPresent()) {
      return Role.CAPACITY;
    }
    if (source.instanceTypeLabels().contains(key)) {
      return Role.INSTANCE_TYPE;
    }
    return source.isVendorKey(key) ? Role.VENDOR : Role.PORTABLE;
  }

  boolean isSpot(String key, List<String> values) {
    Optional<CapacityLabel> label = source.capacityLabel(key);
    return label.isPresent() && values.stream().anyMatch(label.get().spotValues()::contains);
  }

  /** The target label and value for a pool or zone value, when the plan maps it. */
  Optional<String[]> map(Role role, String value) {
    if (role == Role.POOL) {
      return target
          .targetPoolLabel()
          .flatMap(label -> context.mappings().nodePool(value).map(v -> new String[] {label, v}));
    }
    if (role == Role.ZONE) {
      return context.mappings().zone(value).map(v -> new String[] {target.zoneLabel(), v});
    }
    return Optional.empty();
  }

  /** A note on how the target's pool label gets onto nodes, for pool findings. */
  String poolNote() {
    return target.poolLabelNote().isEmpty() ? "" : "; " + target.poolLabelNote() + target.confidence().caveat();
  }

  String remediation(Role role, String key) {
    return switch (role) {
      case POOL -> "add a nodePools mapping in the plan" + poolNote();
      case ZONE -> "add a zones mapping in the plan, with zones in the form " + describe(target.zoneFormat());
      case CAPACITY -> "size the target node pools for this workload; "
          + (target.spotOffered() ? "use the target's spot pools" : "no spot capacity exists there");
      case INSTANCE_TYPE -> "select nodes by a node-pool label instead of a machine type";
      default -> "label the target's nodes to match, or drop the constraint";
    };
  }

  private static String describe(String format) {
    return format.isEmpty() ? "of the target (format unconfirmed)" : "like " + format;
  }

  String lossMessage(Role role, String key, List<String> values) {
    String what = key + (values.isEmpty() ? "" : "=" + String.join("|", values));
    return switch (role) {
      case POOL -> "node pool selection " + what + " removed: no mapping for the pool";
      case ZONE -> "zone selection " + what + " removed: source zones do not exist on the target";
      case CAPACITY -> isSpot(key, values)
          ? "spot capacity selection " + what + " removed: " + context.target().displayName()
              + " offers no spot capacity, so pods run on regular (more expensive) nodes"
          : "capacity type selection " + what + " removed";
      case INSTANCE_TYPE -> "machine type selection " + what + " removed: the source's types do not exist on the target";
      default -> "vendor node key " + what + " removed";
    };
  }
}
