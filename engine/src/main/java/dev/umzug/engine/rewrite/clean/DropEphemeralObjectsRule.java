package dev.umzug.engine.rewrite.clean;

import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drops kinds that record the source cluster's life rather than describe an application: events,
 * leases, controller revisions, nodes, and the review and token requests that are API calls, not
 * stored objects. The reason names the kind's role.
 */
public final class DropEphemeralObjectsRule implements RewriteRule {

  private static final String REVIEW = "a one-off API request, not stored state";

  /** Group-kind to the reason it is dropped. */
  static final Map<String, String> REASONS = reasons();

  private static final ResourceSelector SELECTOR =
      new ResourceSelector(REASONS.keySet());

  @Override
  public String id() {
    return "clean/drop-ephemeral-objects";
  }

  @Override
  public String description() {
    return "Drops events, leases, controller revisions, nodes and API review requests";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return SELECTOR;
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    String reason = REASONS.get(resource.ref().groupKind());
    if (reason == null) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .drop(resource.kind() + ": " + reason)
        .build();
  }

  private static Map<String, String> reasons() {
    Map<String, String> map = new TreeMap<>();
    String event = "a record of something that happened in the source cluster";
    map.put("Event", event);
    map.put("Event.events.k8s.io", event);
    map.put("Lease.coordination.k8s.io",
        "a leader-election or heartbeat record that only means something in the source cluster");
    map.put("ControllerRevision.apps",
        "history kept by a StatefulSet or DaemonSet controller; the target's controller starts"
            + " its own");
    map.put("Node", "a machine of the source cluster; the target has its own nodes");
    map.put("TokenReview.authentication.k8s.io", REVIEW);
    map.put("TokenRequest.authentication.k8s.io", REVIEW);
    map.put("SelfSubjectReview.authentication.k8s.io", REVIEW);
    map.put("SubjectAccessReview.authorization.k8s.io", REVIEW);
    map.put("SelfSubjectAccessReview.authorization.k8s.io", REVIEW);
    map.put("LocalSubjectAccessReview.authorization.k8s.io", REVIEW);
    map.put("SelfSubjectRulesReview.authorization.k8s.io", REVIEW);
    return java.util.Collections.unmodifiableMap(map);
  }
}
