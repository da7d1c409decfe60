package dev.umzug.engine.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule says about one object: the patch it proposes (against the object as read from the
 * source), its findings, and whether the object is kept. Values only; the engine applies them.
 */
public record RewriteResult(
    List<PatchOp> patch, List<Finding> findings, Disposition disposition, String dropReason) {

  private static final RewriteResult UNCHANGED =
      new RewriteResult(List.of(), List.of(), Disposition.KEEP, null);

  public RewriteResult {
    patch = List.copyOf(patch);
    findings = List.copyOf(findings);
    Objects.requireNonNull(disposition, "disposition");
    if (disposition == Disposition.DROP && (dropReason == null || dropReason.isBlank())) {
      throw new IllegalArgumentException("a dropped object needs a reason");
    }
  }

  public static RewriteResult unchanged() {
    return UNCHANGED;
  }

  public boolean isUnchanged() {
    return patch.isEmpty() && findings.isEmpty() && disposition == Disposition.KEEP;
  }

  /** Starts a result for one rule and one object, so findings carry both without repetition. */
  public static Builder builder(RewriteRule rule, ResourceView resource) {
    return new Builder(rule.id(), resource);
  }

  public static Builder builder(String ruleId, ResourceView resource) {
    return new Builder(ruleId, resource);
  }

  /** Collects a result. */
  public static final class Builder {
    private final String ruleId;
    private final ResourceView resource;
    private final List<PatchOp> patch = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private Disposition disposition = Disposition.KEEP;
    private String dropReason;

    private Builder(String ruleId, ResourceView resource) {
      this.ruleId = ruleId;
      this.resource = resource;
    }

    public Builder patch(PatchOp op) {
      patch.add(op);
      return this;
    }

    public Builder patch(List<PatchOp> ops) {
      patch.addAll(ops);
      return this;
    }

    public Builder finding(Severity severity, String message, String remediation) {
      findings.add(
          new Finding(
              severity, ruleId, resource.ref(), resource.location(), message, remediation));
      return this;
    }

    public Builder info(String message) {
      return finding(Severity.INFO, message, "");
    }

    public Builder warning(String message, String remediation) {
      return finding(Severity.WARNING, message, remediation);
    }

    public Builder blocker(String message, String remediation) {
      return finding(Severity.BLOCKER, message, remediation);
    }

    /** Drops the object; the reason is shown in the report beside it. */
    public Builder drop(String reason) {
      this.disposition = Disposition.DROP;
      this.dropReason = reason;
      return this;
    }

    public boolean hasPatch() {
      return !patch.isEmpty();
    }

    public RewriteResult build() {
      if (patch.isEmpty() && findings.isEmpty() && disposition == Disposition.KEEP) {
        return UNCHANGED;
      }
      return new RewriteResult(patch, findings, disposition, dropReason);
    }
  }
}
