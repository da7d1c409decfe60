package dev.umzug.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Severity;
import java.util.List;

/** Runs a {@link RewriteCase} and checks output and findings, with messages that show the diff. */
public final class RewriteCaseAssert {

  private RewriteCaseAssert() {}

  public static RewriteCase.Result check(RewriteCase c, Registry registry) {
    RewriteCase.Result result = c.run(registry);
    if (Boolean.getBoolean("umzug.updateCases")) {
      // regenerates expected.yaml from the actual output; review the diff before committing
      try {
        java.nio.file.Files.writeString(c.dir().resolve("expected.yaml"), result.keptYaml());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return result;
    }
    assertThat(result.keptYaml())
        .as("converted output of case %s", c.dir())
        .isEqualTo(RewriteCase.toYaml(c.expected()));
    List<Finding> findings = result.findings();
    for (RewriteCase.ExpectedFinding expected : c.expectedFindings()) {
      assertThat(findings)
          .as("case %s expects finding %s; findings were:%n%s", c.dir(), expected, describe(findings))
          .anyMatch(expected::matches);
    }
    if (c.exactFindings()) {
      for (Finding f : findings) {
        if (f.severity().compareTo(Severity.WARNING) >= 0) {
          assertThat(c.expectedFindings())
              .as("case %s: unexpected finding %s", c.dir(), f)
              .anyMatch(e -> e.matches(f));
        }
      }
    }
    return result;
  }

  public static String describe(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append("  ")
          .append(f.severity().label())
          .append(' ')
          .append(f.ruleId())
          .append(' ')
          .append(f.resource())
          .append(": ")
          .append(f.message())
          .append('\n');
    }
    return sb.toString();
  }
}
