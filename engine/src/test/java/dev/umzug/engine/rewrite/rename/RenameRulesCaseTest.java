package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.testing.RewriteCase;
import dev.umzug.engine.testing.RewriteCaseAssert;
import dev.umzug.engine.testing.TestProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The file-based cases under {@code src/test/resources/rules/rename}, one per directory. */
class RenameRulesCaseTest {

  static final Path CASES = Path.of("src/test/resources/rules/rename");

  private static final Registry REGISTRY = TestProfile.registry();

  static List<RewriteCase> cases() {
    return RewriteCase.under(CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("each rename case gives its expected output and findings")
  void rewritesAsExpected(RewriteCase c) {
    RewriteCaseAssert.check(c, REGISTRY);
  }
}
