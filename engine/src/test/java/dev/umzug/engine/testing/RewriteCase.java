package dev.umzug.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.umzug.engine.inventory.IndexedInventory;
import dev.umzug.engine.plan.PlanLoader;
import dev.umzug.engine.registry.Registry;
import dev.umzug.engine.rewrite.ObjectOutcome;
import dev.umzug.engine.rewrite.RewriteEngine;
import dev.umzug.engine.rewrite.SimpleRewriteContext;
import dev.umzug.engine.rewrite.user.UserRules;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A table-driven rewrite case kept as files, so input and expected output read like manifests.
 *
 * <p>A case is a directory holding:
 *
 * <ul>
 *   <li>{@code case.yaml}: {@code name} (a sentence: the test's display name), {@code source},
 *       {@code target} (provider ids), optional {@code mappings} (as in a plan: storageClasses,
 *       ingressClasses, registries, nodePools, zones, namespaces) and optional {@code rules} (a list
 *       of rule ids; when present only these rules run, otherwise every registered rule runs);
 *   <li>{@code input.yaml}: one or more documents; all of them form the inventory and each is
 *       rewritten;
 *   <li>{@code expected.yaml}: the kept documents after rewriting, in input order (an empty file
 *       when everything is dropped);
 *   <li>{@code findings.yaml} (optional): a list of {@code {severity, rule, object, contains}}; each
 *       must match some finding ({@code object} is the ref's toString, e.g. {@code Service shop/web};
 *       {@code contains} is a substring of the message). With {@code exact: true} at the top (as
 *       {@code {exact: true, findings: [...]}}) no other finding of severity warning or above may
 *       occur;
 *   <li>{@code plan.yaml} (optional): a migration plan whose {@code spec.rules} (user rules, and the
 *       Velero files they reference, beside it) run after the registry's rules.
 * </ul>
 */
public record RewriteCase(
    Path dir,
    String name,
    String source,
    String target,
    Mappings mappings,
    List<String> ruleIds,
    List<ObjectNode> input,
    List<ObjectNode> expected,
    List<ExpectedFinding> expectedFindings,
    boolean exactFindings,
    List<RewriteRule> userRules) {

  public static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  /** One expected finding. */
  public record ExpectedFinding(String severity, String rule, String object, String contains) {
    public boolean matches(Finding f) {
      return (severity == null || f.severity().label().equals(severity))
          && (rule == null || f.ruleId().equals(rule))
          && (object == null || (f.resource() != null && f.resource().toString().equals(object)))
          && (contains == null || f.message().contains(contains));
    }
  }

  /** Every case directory below {@code root} (a directory holding case.yaml), sorted. */
  public static List<RewriteCase> under(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals("case.yaml"))
          .map(Path::getParent)
          .sorted()
          .map(RewriteCase::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RewriteCase load(Path dir) {
    try {
      JsonNode meta = YAML.readTree(dir.resolve("case.yaml").toFile());
      JsonNode m = meta.path("mappings");
      Mappings mappings =
          new Mappings(
              map(m.path("storageClasses")),
              map(m.path("ingressClasses")),
              map(m.path("registries")),
              map(m.path("nodePools")),
              map(m.path("zones")),
              map(m.path("namespaces")));
      List<String> ruleIds = new ArrayList<>();
      meta.path("rules").forEach(r -> ruleIds.add(r.asText()));
      List<ExpectedFinding> findings = new ArrayList<>();
      boolean exact = false;
      Path f = dir.resolve("findings.yaml");
      if (Files.exists(f)) {
        JsonNode node = YAML.readTree(f.toFile());
        JsonNode list = node;
        if (node.isObject()) {
          exact = node.path("exact").asBoolean(false);
          list = node.path("findings");
        }
        for (JsonNode e : list) {
          findings.add(
              new ExpectedFinding(
                  e.path("severity").asText(null),
                  e.path("rule").asText(null),
                  e.path("object").asText(null),
                  e.path("contains").asText(null)));
        }
      }
      return new RewriteCase(
          dir,
          meta.path("name").asText(dir.getFileName().toString()),
          meta.path("source").asText(),
          meta.path("target").asText(),
          mappings,
          ruleIds,
          docs(dir.resolve("input.yaml")),
          Files.exists(dir.resolve("expected.yaml")) ? docs(dir.resolve("expected.yaml")) : List.of(),
          findings,
          exact,
          Files.exists(dir.resolve("plan.yaml"))
              ? UserRules.from(PlanLoader.load(dir.resolve("plan.yaml")))
              : List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read case " + dir, e);
    }
  }

  /** Runs the case with the registry's profiles and rules. */
  public Result run(Registry registry) {
    List<ResourceView> views = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      views.add(ResourceView.of(input.get(i), "input.yaml#" + i));
    }
    List<RewriteRule> rules =
        ruleIds.isEmpty()
            ? registry.rules()
            : registry.rules().stream().filter(r -> ruleIds.contains(r.id())).toList();
    if (!ruleIds.isEmpty() && rules.size() != ruleIds.size()) {
      throw new IllegalStateException(dir + ": unknown rule id among " + ruleIds);
    }
    rules = new ArrayList<>(rules);
    rules.addAll(userRules);
    RewriteEngine engine =
        new RewriteEngine(
            rules,
            new SimpleRewriteContext(
                registry.profile(source), registry.profile(target), mappings,
                IndexedInventory.of(views)));
    List<ObjectOutcome> outcomes = views.stream().map(engine::rewrite).toList();
    return new Result(outcomes);
  }

  /** What a case produced. */
  public record Result(List<ObjectOutcome> outcomes) {
    public List<ObjectNode> kept() {
      return outcomes.stream()
          .filter(o -> o.status() == ObjectOutcome.Status.CONVERTED)
          .map(ObjectOutcome::result)
          .toList();
    }

    public List<Finding> findings() {
      return outcomes.stream().flatMap(o -> o.findings().stream()).toList();
    }

    public String keptYaml() {
      return toYaml(kept());
    }
  }

  /** Documents as one YAML stream, for comparing with expected.yaml in a readable diff. */
  public static String toYaml(List<? extends JsonNode> docs) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode d : docs) {
      try {
        sb.append("---\n").append(YAML.writeValueAsString(d));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sb.toString();
  }

  public static List<ObjectNode> docs(Path file) throws IOException {
    List<ObjectNode> list = new ArrayList<>();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n instanceof ObjectNode o && !o.isEmpty()) {
          list.add(o);
        }
      }
    }
    return list;
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  @Override
  public String toString() {
    return name;
  }
}
