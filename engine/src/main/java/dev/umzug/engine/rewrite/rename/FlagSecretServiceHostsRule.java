package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reports Secrets whose values name Service hosts in renamed namespaces (as {@link
 * RewriteServiceHostsRule} finds them), with one warning per Secret that names the keys and never a
 * value. Secrets are not rewritten: their contents are encrypted end to end and usually come from
 * somewhere else (a sealed or external secret, a vault), which must be changed instead.
 */
public final class FlagSecretServiceHostsRule extends NamespaceReferenceRuleBase {

  @Override
  public String id() {
    return "namespace/flag-secret-service-hosts";
  }

  @Override
  public String description() {
    return "Reports Secret keys whose values name Service hosts in renamed namespaces, without the values";
  }

  @Override
  public ResourceSelector appliesTo() {
    return ResourceSelector.kinds("Secret");
  }

  @Override
  RewriteResult apply(ResourceView resource, RewriteContext context, Renames renames) {
    ServiceHosts hosts = new ServiceHosts(renames, context.inventory());
    List<String> keys = new ArrayList<>();
    SortedSet<String> namespaces = new TreeSet<>();
    for (String field : List.of("data", "stringData")) {
      resource
          .at(JsonPointer.of(field))
          .fields()
          .forEachRemaining(
              e -> {
                String value = field.equals("data") ? decode(e.getValue().asText()) : e.getValue().asText();
                ServiceHosts.Scan scan = hosts.scan(value);
                if (scan.changed()) {
                  keys.add(field + "." + e.getKey());
                  namespaces.addAll(scan.namespaces());
                }
              });
    }
    if (keys.isEmpty()) {
      return RewriteResult.unchanged();
    }
    return RewriteResult.builder(this, resource)
        .warning(
            "Secret keys " + String.join(", ", keys) + " name Service hosts in renamed namespaces "
                + renames.describe(namespaces) + "; Secrets are not rewritten",
            "change those values where the Secret comes from (sealed or external secret, vault) or"
                + " re-create it on the target with hosts in the new namespaces")
        .build();
  }

  /** The decoded text of a {@code data} value; empty when it is not base64. */
  private static String decode(String base64) {
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
