package dev.umzug.providers.rules;

import dev.umzug.engine.testing.RewriteCase;
import java.nio.file.Path;
import java.util.List;

/** The file-based cases of the packs: every case directory under {@code rules/<source>-to-<target>/}. */
final class PackCases {

  static final Path ROOT = Path.of("src/test/resources/rules");

  static final Path AWS_EKS_TO_IONOS = ROOT.resolve("aws-eks-to-ionos");

  private PackCases() {}

  /** Every case of every provider pair. */
  static List<RewriteCase> all() {
    return RewriteCase.under(ROOT);
  }

  /** The cases of one provider pair directory, e.g. {@code aws-eks-to-ionos}. */
  static List<RewriteCase> of(String pair) {
    return RewriteCase.under(ROOT.resolve(pair));
  }

}
