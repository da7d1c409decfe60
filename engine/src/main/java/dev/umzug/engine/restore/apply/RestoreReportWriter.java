package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.verify.FieldDifference;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link RestoreResult} as JSON ({@value #FORMAT}): objects in apply order with outcome,
 * digest and reason, gates, retries by cause, the objects left out on purpose, and the preflight
 * and rewrite findings. No timings, so the same restore of the same snapshot gives the same bytes;
 * no object content, and differences of Secret fields without values.
 */
public final class RestoreReportWriter {

  public static final String FORMAT = "umzug-restore-report/1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private RestoreReportWriter() {}

  /**
   * @param snapshotId the snapshot restored
   * @param rootDigest its manifest's root digest
   * @param findings preflight and rewrite findings
   */
  public static ObjectNode toTree(String snapshotId, String rootDigest, RestoreResult result, List<Finding> findings) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("snapshot", snapshotId);
    root.put("rootDigest", rootDigest);
    root.put("dryRun", result.dryRun());
    root.put("complete", result.complete());
    if (!result.stoppedBecause().isEmpty()) {
      root.put("stoppedBecause", result.stoppedBecause());
    }
    ObjectNode counts = root.putObject("counts");
    result.counts().forEach((o, n) -> counts.put(o.label(), n));
    ObjectNode retries = root.putObject("retries");
    new java.util.TreeMap<>(result.retries()).forEach(retries::put);
    ArrayNode gates = root.putArray("gates");
    for (GateResult g : result.gates()) {
      ObjectNode n = gates.addObject();
      n.put("step", g.step());
      n.put("gate", g.gate().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      n.put("status", g.status().label());
      n.put("objects", g.objects());
      g.problems().forEach(n.withArray("problems")::add);
    }
    ArrayNode objects = root.putArray("objects");
    for (ObjectResult r : result.objects()) {
      ObjectNode n = objects.addObject();
      ref(n.putObject("ref"), r.ref());
      n.put("step", r.step());
      n.put("outcome", r.outcome().label());
      // a Secret's digest would let a reader test guesses of its values, as in the manifest and verify
      n.put("digest", r.ref().groupKind().equals("Secret") ? "withheld: Secret" : r.digest());
      if (!r.reason().isEmpty()) {
        n.put("reason", r.reason());
      }
      for (FieldDifference d : r.differences()) {
        ObjectNode dn = n.withArray("differences").addObject();
        dn.put("path", d.path().toString());
        dn.put("kind", d.kind().name());
        if (d.redacted()) {
          dn.put("redacted", true);
        } else {
          dn.put("intended", d.intended());
          if (d.actual() != null) {
            dn.put("actual", d.actual());
          }
        }
      }
    }
    ArrayNode left = root.putArray("notRestored");
    new java.util.TreeMap<>(result.notRestored()).forEach((ref, reason) -> {
      ObjectNode n = left.addObject();
      ref(n.putObject("ref"), ref);
      n.put("reason", reason);
    });
    ArrayNode fs = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode n = fs.addObject();
      n.put("severity", f.severity().label());
      n.put("rule", f.ruleId());
      if (f.resource() != null) {
        n.put("object", f.resource().toString());
      }
      n.put("message", f.message());
      if (!f.remediation().isEmpty()) {
        n.put("remediation", f.remediation());
      }
    }
    return root;
  }

  public static String toJson(ObjectNode tree) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void ref(ObjectNode n, ResourceRef ref) {
    n.put("group", ref.group());
    n.put("kind", ref.kind());
    if (ref.namespace() != null) {
      n.put("namespace", ref.namespace());
    }
    n.put("name", ref.name());
  }
}
