package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * Node labels, taints and zones of a provider.
 *
 * @param confidence how sure the facts are overall
 * @param vendorKeyPrefixes label and taint key prefixes that exist only on this provider
 * @param poolLabels label keys whose value is a node pool name (source side)
 * @param capacityLabels labels that select spot or on-demand capacity
 * @param zoneLabels label keys whose values are this provider's zones (generic keys included)
 * @param instanceTypeLabels label keys whose values are this provider's machine types
 * @param taintKeys taint keys this provider sets, besides those under the prefixes
 * @param poolLabel the label that selects a node pool here (target side), or null
 * @param poolLabelNote how that label gets onto nodes, for findings
 * @param zoneLabel the label that holds the zone here (target side)
 * @param zoneFormat an example zone value, e.g. {@code us-east-1a}
 * @param spotOffered whether spot or preemptible capacity exists here
 */
public record NodeSelectionFacet(
    Confidence confidence,
    List<String> vendorKeyPrefixes,
    List<String> poolLabels,
    List<CapacityLabel> capacityLabels,
    List<String> zoneLabels,
    List<String> instanceTypeLabels,
    List<String> taintKeys,
    String poolLabel,
    String poolLabelNote,
    String zoneLabel,
    String zoneFormat,
    boolean spotOffered) {

  public NodeSelectionFacet {
    Facts.required(confidence, "nodes.confidence");
    vendorKeyPrefixes = Facts.list(vendorKeyPrefixes);
    poolLabels = Facts.list(poolLabels);
    capacityLabels = Facts.list(capacityLabels);
    zoneLabels = Facts.list(zoneLabels);
    instanceTypeLabels = Facts.list(instanceTypeLabels);
    taintKeys = Facts.list(taintKeys);
    poolLabelNote = poolLabelNote == null ? "" : poolLabelNote;
    zoneLabel = zoneLabel == null ? "topology.kubernetes.io/zone" : zoneLabel;
    zoneFormat = zoneFormat == null ? "" : zoneFormat;
  }

  public boolean isVendorKey(String key) {
    return Facts.startsWithAny(key, vendorKeyPrefixes) || taintKeys.contains(key);
  }

  public Optional<CapacityLabel> capacityLabel(String key) {
    return capacityLabels.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  public Optional<String> targetPoolLabel() {
    return Optional.ofNullable(poolLabel);
  }
}
