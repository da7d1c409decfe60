package dev.umzug.engine.convert;

import dev.umzug.engine.spi.Severity;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a conversion. Findings themselves stream to listeners (the report, the renderer);
 * only their counts are kept, so memory does not grow with them.
 *
 * @param objects objects read
 * @param converted objects converted (and written, when there was an output)
 * @param dropped objects dropped, each with a reason in the report
 * @param failed objects that could not be converted
 * @param blocked converted objects that carry a blocker
 * @param findings number of findings per severity
 * @param rules ids of the rules that ran, in the order they ran
 * @param output where the result was written, or null
 */
public record ConvertSummary(
    long objects,
    long converted,
    long dropped,
    long failed,
    long blocked,
    Map<Severity, Long> findings,
    List<String> rules,
    Path output) {

  public ConvertSummary {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, findings.getOrDefault(s, 0L));
    }
    findings = Collections.unmodifiableMap(counts);
    rules = List.copyOf(rules);
  }

  public long count(Severity severity) {
    return findings.get(severity);
  }

  public long totalFindings() {
    return findings.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether any finding has this severity or a higher one. */
  public boolean hasAtLeast(Severity severity) {
    return findings.entrySet().stream()
        .anyMatch(e -> e.getKey().compareTo(severity) >= 0 && e.getValue() > 0);
  }
}
