package dev.umzug.providers.rules;

import dev.umzug.engine.testing.RewriteCase;
import java.nio.file.Path;
import java.util.List;

/** The file-based cases of the provider packs: aws-eks to ionos by default. */
final class PackCases {

  static final Path ROOT = Path.of("src/test/resources/rules/aws-eks-to-ionos");

  private PackCases() {}

  static List<RewriteCase> all() {
    return RewriteCase.under(ROOT);
  }

  /** The cases of one pack, e.g. {@code gcp-gke-to-ionos}. */
  static List<RewriteCase> of(String pack) {
    return RewriteCase.under(ROOT.resolveSibling(pack));
  }

  /** The cases of every pack under {@code rules/}, for the catalog's coverage check. */
  static List<RewriteCase> everyPack() {
    return RewriteCase.under(ROOT.getParent());
  }
}
