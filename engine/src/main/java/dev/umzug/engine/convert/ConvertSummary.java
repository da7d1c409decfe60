package dev.umzug.engine.convert;

import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a conversion, and every finding in report order.
 *
 * @param objects objects read
 * @param converted objects converted (and written, when there was an output)
 * @param dropped objects dropped, each with a reason in the report
 * @param failed objects that could not be converted
 * @param blocked converted objects that carry a blocker
 * @param findings every finding, in {@link Finding#REPORT_ORDER}
 * @param rules ids of the rules that ran, in the order they ran
 * @param output where the result was written, or null
 */
public record ConvertSummary(
    long objects,
    long converted,
    long dropped,
    long failed,
    long blocked,
    List<Finding> findings,
    List<String> rules,
    Path output) {

  public ConvertSummary {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
  }

  public Map<Severity, Long> findingsBySeverity() {
    Map<Severity, Long> map = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      map.put(s, 0L);
    }
    for (Finding f : findings) {
      map.merge(f.severity(), 1L, Long::sum);
    }
    return map;
  }

  public boolean hasAtLeast(Severity severity) {
    return findings.stream().anyMatch(f -> f.severity().compareTo(severity) >= 0);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
