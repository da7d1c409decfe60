package dev.umzug.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.cli.options.OutputFormat;
import dev.umzug.engine.spi.RewriteRule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints rules in the order they run: a table, Markdown, or JSON. */
public final class RulesRenderer {

  private final PrintWriter out;
  private final OutputFormat format;

  public RulesRenderer(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  public void render(List<RewriteRule> rules) {
    switch (format) {
      case table -> {
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(4);
        out.printf(Locale.ROOT, "%-" + width + "s %8s  %s%n", "RULE", "PRIORITY", "DESCRIPTION");
        for (RewriteRule r : rules) {
          out.printf(Locale.ROOT, "%-" + width + "s %8d  %s%n", r.id(), r.priority(), r.description());
        }
      }
      case markdown -> {
        out.println("| rule | priority | what it does |");
        out.println("|---|---:|---|");
        for (RewriteRule r : rules) {
          out.printf(Locale.ROOT, "| `%s` | %d | %s |%n", r.id(), r.priority(), r.description().replace("|", "\\|"));
        }
      }
      case json -> {
        ArrayNode list = ProvidersRenderer.JSON.createArrayNode();
        for (RewriteRule r : rules) {
          ObjectNode n = list.addObject();
          n.put("id", r.id());
          n.put("priority", r.priority());
          n.put("description", r.description());
          ArrayNode kinds = n.putArray("appliesTo");
          r.appliesTo().groupKinds().stream().sorted().forEach(kinds::add);
        }
        try {
          out.println(ProvidersRenderer.JSON.writeValueAsString(list));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    out.flush();
  }
}
