package dev.umzug.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.cli.options.OutputFormat;
import dev.umzug.engine.spi.Capability;
import dev.umzug.engine.spi.Confidence;
import dev.umzug.engine.spi.ProviderProfile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Prints provider profiles: a table, a Markdown capability matrix, or JSON. */
public final class ProvidersRenderer {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final OutputFormat format;

  public ProvidersRenderer(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  public void render(List<ProviderProfile> profiles) {
    switch (format) {
      case json -> json(profiles);
      case markdown -> markdown(profiles);
      case table -> table(profiles);
    }
    out.flush();
  }

  private void table(List<ProviderProfile> profiles) {
    out.printf(Locale.ROOT, "%-12s %-28s %-8s %-10s %s%n", "ID", "NAME", "COUNTRY", "CLOUD ACT", "SUPPORTS");
    for (ProviderProfile p : profiles) {
      List<String> supported =
          p.capabilities().stream().filter(Capability::supported).map(Capability::name).toList();
      out.printf(
          Locale.ROOT, "%-12s %-28s %-8s %-10s %s%n", p.id(), p.displayName(), p.jurisdiction().country(),
          p.jurisdiction().usCloudActExposure() ? "exposed" : "no", String.join(", ", supported));
    }
  }

  /** The capability matrix: one row per provider, one column per capability. */
  private void markdown(List<ProviderProfile> profiles) {
    TreeSet<String> names = new TreeSet<>();
    profiles.forEach(p -> p.capabilities().forEach(c -> names.add(c.name())));
    out.println("| provider | jurisdiction | US CLOUD Act | " + String.join(" | ", names) + " |");
    out.println("|---|---|---|" + "---|".repeat(names.size()));
    for (ProviderProfile p : profiles) {
      StringBuilder row = new StringBuilder();
      row.append("| `").append(p.id()).append("` ").append(p.displayName())
          .append(" | ").append(p.jurisdiction().country()).append(", ").append(p.jurisdiction().operator())
          .append(" | ").append(p.jurisdiction().usCloudActExposure() ? "exposed" : "no").append(" |");
      for (String name : names) {
        Capability c = p.capabilities().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        row.append(' ').append(cell(c)).append(" |");
      }
      out.println(row);
    }
    out.println();
    out.println("yes/no: confirmed in the vendor's own source or docs; yes*/no*: seen only in third-party material;"
        + " yes?/no?: unconfirmed; blank: not known.");
  }

  private static String cell(Capability c) {
    if (c == null) {
      return "";
    }
    String base = c.supported() ? "yes" : "no";
    return base + (c.confidence() == Confidence.THIRD_PARTY ? "*" : c.confidence() == Confidence.UNCONFIRMED ? "?" : "");
  }

  private void json(List<ProviderProfile> profiles) {
    ArrayNode list = JSON.createArrayNode();
    for (ProviderProfile p : profiles) {
      ObjectNode node = list.addObject();
      node.put("id", p.id());
      node.put("name", p.displayName());
      ObjectNode j = node.putObject("jurisdiction");
      j.put("country", p.jurisdiction().country());
      j.put("operator", p.jurisdiction().operator());
      j.put("usCloudActExposure", p.jurisdiction().usCloudActExposure());
      j.put("confidence", p.jurisdiction().confidence().name().toLowerCase(Locale.ROOT));
      ArrayNode regions = j.putArray("regions");
      p.jurisdiction().regions().forEach(regions::add);
      ArrayNode caps = node.putArray("capabilities");
      for (Capability c : p.capabilities()) {
        ObjectNode cn = caps.addObject();
        cn.put("name", c.name());
        cn.put("supported", c.supported());
        cn.put("detail", c.detail());
        cn.put("confidence", c.confidence().name().toLowerCase(Locale.ROOT));
      }
    }
    try {
      out.println(JSON.writeValueAsString(list));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
