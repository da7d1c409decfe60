package dev.umzug.providers.rules;

import dev.umzug.engine.testing.RewriteCase;
import java.nio.file.Path;
import java.util.List;

/** The file-based cases of the aws-eks to ionos pack. */
final class PackCases {

  static final Path ROOT = Path.of("src/test/resources/rules/aws-eks-to-ionos");

  private PackCases() {}

  static List<RewriteCase> all() {
    return RewriteCase.under(ROOT);
  }
}
