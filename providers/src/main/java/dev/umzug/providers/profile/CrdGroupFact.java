package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.List;

/**
 * A group of vendor custom resources.
 *
 * @param group the API group, or {@code *.suffix} for every group ending in {@code .suffix}
 * @param kinds the kinds concerned, or empty for all kinds of the group
 * @param action what to do with them
 * @param message one line on what they are
 * @param remediation what to do instead
 * @param confidence how sure the fact is
 */
public record CrdGroupFact(
    String group,
    List<String> kinds,
    CrdAction action,
    String message,
    String remediation,
    Confidence confidence) {

  public CrdGroupFact {
    Facts.required(group, "crds.groups[].group");
    kinds = Facts.list(kinds);
    Facts.required(action, "crds.groups[].action");
    Facts.required(message, "crds.groups[].message");
    remediation = remediation == null ? "" : remediation;
    Facts.required(confidence, "crds.groups[].confidence");
  }

  public boolean matchesGroup(String apiGroup) {
    return group.startsWith("*.") ? apiGroup.endsWith(group.substring(1)) : group.equals(apiGroup);
  }

  public boolean matches(String apiGroup, String kind) {
    return matchesGroup(apiGroup) && (kinds.isEmpty() || kinds.contains(kind));
  }

  /** The selector entry for this group: {@code *.group} or {@code *.*suffix}. */
  public String selectorEntry() {
    return group.startsWith("*.") ? "*.*" + group.substring(1) : "*." + group;
  }
}
