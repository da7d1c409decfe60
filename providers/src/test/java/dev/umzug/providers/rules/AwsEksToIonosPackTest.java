package dev.umzug.providers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.testing.RewriteCase;
import dev.umzug.engine.testing.RewriteCaseAssert;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The aws-eks to ionos provider pack")
class AwsEksToIonosPackTest {

  private static final Registry REGISTRY = Registry.load();

  static List<RewriteCase> cases() {
    return PackCases.of("aws-eks-to-ionos");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("rewrites each case as its expected output says, with the expected findings")
  void rewritesCase(RewriteCase c) {
    assertThat(c.source()).isEqualTo("aws-eks");
    assertThat(c.target()).isEqualTo("ionos");
    assertThat(c.ruleIds()).as("case %s names the rules it concerns", c.dir()).isNotEmpty();
    RewriteCaseAssert.check(c, REGISTRY);
  }

  @Test
  @DisplayName("running every case twice gives byte-identical output and findings")
  void isDeterministic() {
    for (RewriteCase c : cases()) {
      RewriteCase.Result first = c.run(Registry.load());
      RewriteCase.Result second = c.run(Registry.load());
      assertThat(second.keptYaml()).as(c.name()).isEqualTo(first.keptYaml());
      assertThat(second.findings().toString()).as(c.name()).isEqualTo(first.findings().toString());
    }
  }
}
