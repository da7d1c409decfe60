package dev.umzug.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.umzug.engine.convert.ConvertListener;
import dev.umzug.engine.convert.ConvertSummary;
import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.rewrite.AppliedChange;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the conversion report as JSON: every finding, and for every input object what became of
 * it (converted with each change and its rule, dropped with the reason, or failed), so that nothing
 * disappears silently. Object entries stream to a temporary file while the conversion runs; {@link
 * #finish} writes the whole report. The same input gives a byte-identical report.
 */
public final class ConvertReportWriter implements ConvertListener, AutoCloseable {

  public static final String API_VERSION = "umzug.dev/v1alpha1";

  private static final JsonFactory JSON = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();

  private final TempArray findings;
  private final TempArray objects;
  private final ReportHeader header;

  /** What the report says about the run itself. */
  public record ReportHeader(String sourceProvider, String input, String targetProvider, String output) {}

  public ConvertReportWriter(ReportHeader header) {
    this.header = header;
    this.findings = new TempArray("findings");
    this.objects = new TempArray("objects");
  }

  @Override
  public void onProblem(Finding finding) {
    try {
      writeFinding(findings.generator, finding);
    } catch (IOException e) {
      throw new OutputException("cannot write the report's temporary file", e);
    }
  }

  @Override
  public void onObject(ObjectOutcome outcome, String outputPath) {
    try {
      for (Finding f : outcome.findings()) {
        writeFinding(findings.generator, f);
      }
      JsonGenerator g = objects.generator;
      g.writeStartObject();
      writeRef(g, "object", outcome.ref());
      g.writeStringField("location", outcome.location());
      g.writeStringField("status", outcome.status().label());
      if (outcome.status() == ObjectOutcome.Status.CONVERTED) {
        if (!outcome.targetRef().equals(outcome.ref())) {
          writeRef(g, "targetObject", outcome.targetRef());
        }
        if (outputPath != null) {
          g.writeStringField("output", outputPath);
        }
        g.writeBooleanField("blocked", outcome.blocked());
      }
      if (!outcome.dropReasons().isEmpty()) {
        g.writeArrayFieldStart("dropReasons");
        for (String reason : outcome.dropReasons()) {
          g.writeString(reason);
        }
        g.writeEndArray();
      }
      if (!outcome.changes().isEmpty()) {
        g.writeArrayFieldStart("changes");
        for (AppliedChange change : outcome.changes()) {
          g.writeStartObject();
          g.writeStringField("rule", change.ruleId());
          g.writeStringField("op", change.op().op().wireName());
          g.writeStringField("path", change.op().path().toString());
          if (change.op().from() != null) {
            g.writeStringField("from", change.op().from().toString());
          }
          if (change.op().value() != null) {
            if (Redaction.isSecretValue(outcome.ref(), change.op().path())) {
              g.writeStringField("value", Redaction.REDACTED);
            } else {
              g.writeFieldName("value");
              g.writeTree(change.op().value());
            }
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeNumberField("findings", outcome.findings().size());
      g.writeEndObject();
    } catch (IOException e) {
      throw new OutputException("cannot write the report's temporary file", e);
    }
  }

  /** Writes the complete report. */
  public void finish(ConvertSummary summary, OutputStream out) {
    try {
      findings.end();
      objects.end();
      JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
      g.setPrettyPrinter(printer());
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("apiVersion", API_VERSION);
      g.writeStringField("kind", "ConversionReport");
      g.writeObjectFieldStart("source");
      g.writeStringField("provider", header.sourceProvider());
      g.writeStringField("input", header.input());
      g.writeEndObject();
      g.writeObjectFieldStart("target");
      g.writeStringField("provider", header.targetProvider());
      if (header.output() != null) {
        g.writeStringField("output", header.output());
      }
      g.writeEndObject();
      writeSummary(g, summary);
      g.writeArrayFieldStart("rules");
      for (String rule : summary.rules()) {
        g.writeString(rule);
      }
      g.writeEndArray();
      findings.copyInto(g);
      objects.copyInto(g);
      g.writeEndObject();
      g.flush();
      g.close();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new OutputException("cannot write the report: " + e.getMessage(), e);
    }
  }

  private static void writeSummary(JsonGenerator g, ConvertSummary s) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("objects", s.objects());
    g.writeNumberField("converted", s.converted());
    g.writeNumberField("dropped", s.dropped());
    g.writeNumberField("failed", s.failed());
    g.writeNumberField("blocked", s.blocked());
    g.writeObjectFieldStart("findings");
    for (Map.Entry<Severity, Long> e : s.findings().entrySet()) {
      g.writeNumberField(e.getKey().label(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Writes one finding object; shared by every report that lists findings. */
  public static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("rule", f.ruleId());
    if (f.resource() != null) {
      writeRef(g, "object", f.resource());
    }
    if (f.location() != null) {
      g.writeStringField("location", f.location());
    }
    g.writeStringField("message", f.message());
    if (!f.remediation().isEmpty()) {
      g.writeStringField("remediation", f.remediation());
    }
    g.writeEndObject();
  }

  static void writeRef(JsonGenerator g, String field, ResourceRef ref) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("group", ref.group());
    g.writeStringField("kind", ref.kind());
    if (ref.namespace() != null) {
      g.writeStringField("namespace", ref.namespace());
    }
    g.writeStringField("name", ref.name());
    g.writeEndObject();
  }

  private static DefaultPrettyPrinter printer() {
    DefaultPrettyPrinter p = new DefaultPrettyPrinter();
    p.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    p.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    return p;
  }

  @Override
  public void close() {
    findings.close();
    objects.close();
  }

  /** One array of the report, spilled to a temporary file while the run streams. */
  private static final class TempArray {
    private final String field;
    private final Path file;
    private final JsonGenerator generator;

    TempArray(String field) {
      this.field = field;
      try {
        this.file = Files.createTempFile("umzug-report-" + field + "-", ".json");
        this.generator = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8);
        generator.writeStartArray();
      } catch (IOException e) {
        throw new OutputException("cannot create a temporary file for the report", e);
      }
    }

    void end() throws IOException {
      generator.writeEndArray();
      generator.close();
    }

    void copyInto(JsonGenerator g) throws IOException {
      g.writeFieldName(field);
      try (JsonParser p = JSON.createParser(file.toFile())) {
        p.nextToken();
        g.copyCurrentStructure(p);
      }
    }

    void close() {
      try {
        generator.close();
      } catch (IOException e) {
        // the file is deleted below either way
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
