package dev.umzug.engine.rewrite.clean;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;

/**
 * Drops Secrets of type {@code kubernetes.io/service-account-token}: the token is signed by the
 * source cluster's key and is worthless on the target, whose token controller issues its own.
 */
public final class DropServiceAccountTokensRule implements RewriteRule {

  static final String TYPE = "kubernetes.io/service-account-token";
  static final String ACCOUNT = "kubernetes.io/service-account.name";

  @Override
  public String id() {
    return "clean/drop-service-account-tokens";
  }

  @Override
  public String description() {
    return "Drops service-account token Secrets, which are signed by the source cluster";
  }

  @Override
  public int priority() {
    return PRIORITY_CLEAN;
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Secret");
  }

  @Override
  public RewriteResult apply(ResourceView resource, RewriteContext context) {
    if (!TYPE.equals(resource.text(JsonPointer.of("type")).orElse(""))) {
      return RewriteResult.unchanged();
    }
    String account = resource.annotations().getOrDefault(ACCOUNT, "?");
    return RewriteResult.builder(this, resource)
        .drop("token of ServiceAccount " + account + ", signed by the source cluster: the target"
            + " issues its own (re-create the Secret without data if a tool needs a long-lived"
            + " token)")
        .build();
  }
}
