package dev.umzug.engine.rewrite;

import dev.umzug.engine.spi.PatchOp;

/** One patch operation that was applied, with the rule it came from: the audit trail of a change. */
public record AppliedChange(String ruleId, PatchOp op) {}
