package dev.umzug.engine.verify;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.umzug.engine.spi.ResourceRef;
import java.io.UncheckedIOException;

/**
 * Writes a {@link VerificationReport} as JSON for the CLI and for auditors: objects sorted by
 * reference, differences in comparer order, two-space indent, LF line ends, so the same report is
 * always the same bytes. Redacted differences carry {@code "redacted": true} and no values.
 */
public final class VerificationReportWriter {

  public static final String FORMAT = "umzug-verification-report/1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private VerificationReportWriter() {}

  public static String toJson(VerificationReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("snapshot", report.snapshotDigest());
    root.put("passed", report.passed());
    ObjectNode counts = root.putObject("counts");
    report.counts().forEach((status, n) -> counts.put(status.name(), n));
    ArrayNode objects = root.putArray("objects");
    for (ObjectVerification o : report.objects()) {
      ObjectNode n = objects.addObject();
      ref(n.putObject("ref"), o.ref());
      n.put("status", o.status().name());
      if (o.digest() != null) {
        n.put("digest", o.digest());
      } else if (o.status() == ObjectVerification.Status.CONFIRMED || o.status() == ObjectVerification.Status.MISMATCH
          || (o.status() == ObjectVerification.Status.MISSING && o.ref().kind().equals("Secret"))) {
        n.put("digest", "withheld: Secret");
      }
      if (o.journal() != ObjectVerification.JournalCheck.NOT_CHECKED) {
        n.put("journal", o.journal().name());
      }
      if (!o.differences().isEmpty()) {
        ArrayNode diffs = n.putArray("differences");
        for (FieldDifference d : o.differences()) {
          ObjectNode dn = diffs.addObject();
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
    }
    try {
      return JSON.writer(PRETTY).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ref(ObjectNode n, ResourceRef ref) {
    n.put("group", ref.group());
    n.put("kind", ref.kind());
    if (ref.namespace() != null) {
      n.put("namespace", ref.namespace());
    }
    n.put("name", ref.name());
  }
}
