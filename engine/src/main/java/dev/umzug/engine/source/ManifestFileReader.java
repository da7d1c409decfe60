package dev.umzug.engine.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SourceItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the objects of one manifest file. Every problem becomes a finding with the file, the
 * document index and, for syntax errors, the line and column in the file; one bad document never
 * hides the others.
 */
final class ManifestFileReader {

  static final String RULE_ID = ManifestDirectorySource.RULE_ID;

  /** Markers of a Helm template, as opposed to Go-template text that some objects carry as data. */
  private static final Pattern HELM_TEMPLATE =
      Pattern.compile(
          "\\{\\{[^}]*?(\\.Values\\b|\\.Release\\b|\\.Chart\\b|\\.Capabilities\\b|\\.Files\\b"
              + "|\\binclude\\s+\"|\\btpl\\s|\\btoYaml\\b|\\brequired\\s+\")");

  private static final Pattern SNAKE_EVENT =
      Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^>]*\\)>");

  private static final ObjectMapper YAML = yamlMapper();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Consumer<SourceItem> items;
  private final Consumer<Finding> problems;
  private long objects;
  private long findings;
  private String directory = ".";

  ManifestFileReader(Consumer<SourceItem> items, Consumer<Finding> problems) {
    this.items = items;
    this.problems = problems;
  }

  long objects() {
    return objects;
  }

  long findings() {
    return findings;
  }

  /** Reads one file; {@code path} is its location relative to the source root. */
  void read(String path, byte[] bytes, boolean json) {
    int slash = path.lastIndexOf('/');
    directory = slash < 0 ? "." : path.substring(0, slash);
    long objectsBefore = objects;
    long findingsBefore = findings;
    Optional<String> decoded = ManifestDecoder.decode(bytes);
    if (decoded.isEmpty()) {
      report(Severity.ERROR, path, "file is binary, not a manifest",
          "remove it from the manifests or rename it");
      return;
    }
    String text = decoded.get();
    if (HELM_TEMPLATE.matcher(text).find()) {
      report(Severity.ERROR, path,
          "Helm template: render it with 'helm template' and convert the output",
          "helm template RELEASE CHART > rendered.yaml, then convert rendered.yaml");
      return;
    }
    if (json) {
      readJson(path, text);
    } else {
      readYaml(path, text);
    }
    if (objects == objectsBefore && findings == findingsBefore) {
      report(Severity.WARNING, path, "file holds no Kubernetes objects", "");
    }
  }

  private void readYaml(String path, String text) {
    for (YamlDocuments.Document doc : YamlDocuments.split(text)) {
      String what = "document " + doc.index();
      JsonNode node;
      try {
        node = YAML.readTree(doc.text());
      } catch (JsonProcessingException e) {
        report(Severity.ERROR, path + "#" + doc.index(),
            what + " does not parse" + at(e.getLocation(), doc.firstLine() - 1) + ": "
                + oneLine(e.getOriginalMessage()) + templateHint(text),
            "fix the syntax of this document; the other documents are read");
        continue;
      }
      if (node == null || node.isMissingNode() || node.isNull()) {
        continue;
      }
      accept(node, path + "#" + doc.index(), what, true);
    }
  }

  private void readJson(String path, String text) {
    int index = 0;
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
      while (true) {
        try {
          if (!it.hasNextValue()) {
            break;
          }
          JsonNode node = it.nextValue();
          accept(node, path + "#" + index, "document " + index, true);
        } catch (JsonProcessingException e) {
          report(Severity.ERROR, path + "#" + index,
              "document " + index + " does not parse" + at(e.getLocation(), 0) + ": "
                  + oneLine(e.getOriginalMessage()) + "; the rest of the file is not read",
              "fix the JSON syntax");
          break;
        }
        index++;
      }
    } catch (IOException e) {
      report(Severity.ERROR, path, "file cannot be read: " + oneLine(e.getMessage()), "");
    }
  }

  private void accept(JsonNode node, String location, String what, boolean topLevel) {
    if (!(node instanceof ObjectNode object)) {
      report(Severity.ERROR, location, what + " is not a mapping but " + typeOf(node),
          "every document must be one Kubernetes object");
      return;
    }
    String apiVersion = text(object.get("apiVersion"));
    String kind = text(object.get("kind"));
    JsonNode metadata = object.path("metadata");
    if (isKustomize(apiVersion, kind)) {
      report(Severity.WARNING, location,
          kustomizeMessage(directory), kustomizeRemediation(directory));
      return;
    }
    if (topLevel && isList(object, kind)) {
      JsonNode list = object.get("items");
      for (int i = 0; i < list.size(); i++) {
        accept(list.get(i), location + "[" + i + "]", "item " + i + " of " + what, false);
      }
      return;
    }
    List<String> missing = new ArrayList<>();
    if (apiVersion.isEmpty()) {
      missing.add("apiVersion");
    }
    if (kind.isEmpty()) {
      missing.add("kind");
    }
    String name = text(metadata.get("name"));
    if (name.isEmpty()) {
      missing.add("metadata.name");
    }
    if (!missing.isEmpty()) {
      String generateName = text(metadata.get("generateName"));
      String note =
          name.isEmpty() && !generateName.isEmpty()
              ? " (it has only metadata.generateName '" + generateName
                  + "', so the API server would pick a new name on every apply)"
              : "";
      if (missing.equals(List.of("metadata.name")) && !generateName.isEmpty()) {
        // a generated name is a legal object (Helm test hooks, Jobs run by hand), just not one that
        // can be moved by name: not converted, but not a broken input either
        report(Severity.WARNING, location, what + " is not converted: " + kind
                + " has no metadata.name" + note,
            "give it a fixed metadata.name if it must move; Helm hooks are usually re-run on the target instead");
        return;
      }
      report(Severity.ERROR, location, what + " lacks " + String.join(", ", missing) + note,
          "give every object apiVersion, kind and metadata.name");
      return;
    }
    objects++;
    items.accept(new SourceItem(object, location));
  }

  static String kustomizeMessage(String directory) {
    return "kustomize overlay recognised, not applied: run 'kubectl kustomize " + directory
        + "' and convert its output";
  }

  static String kustomizeRemediation(String directory) {
    return "kubectl kustomize " + directory + " > rendered.yaml, then convert rendered.yaml";
  }

  /** A kubectl list ({@code kind: List}, or {@code FooList} with items and without a name). */
  private static boolean isList(ObjectNode object, String kind) {
    return object.path("items").isArray()
        && (kind.equals("List")
            || (kind.endsWith("List") && text(object.path("metadata").get("name")).isEmpty()));
  }

  /** Kustomize's own files; Flux's {@code Kustomization} (another group) is a real object. */
  private static boolean isKustomize(String apiVersion, String kind) {
    String group = ResourceRef.groupOf(apiVersion);
    return group.equals("kustomize.config.k8s.io")
        || (apiVersion.isEmpty() && (kind.equals("Kustomization") || kind.equals("Component")));
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText().strip() : "";
  }

  private static String typeOf(JsonNode node) {
    if (node.isArray()) {
      return "a sequence";
    }
    return "a scalar";
  }

  private static String at(JsonLocation location, int lineOffset) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + (location.getLineNr() + lineOffset) + ", column " + location.getColumnNr();
  }

  private static String templateHint(String text) {
    return text.contains("{{")
        ? " (the file contains '{{': if it is a template, render it first)"
        : "";
  }

  /**
   * The parser's message on one line: SnakeYAML's messages quote the offending text under
   * indented "in 'reader'" lines, which are dropped; the problem comes first, its context after.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    List<String> lines = new ArrayList<>();
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        lines.add(line.strip());
      }
    }
    if (lines.isEmpty()) {
      return message.strip().replaceAll("\\s+", " ");
    }
    String problem = lines.get(lines.size() - 1);
    String result =
        lines.size() == 1
            ? problem
            : problem + " (" + String.join("; ", lines.subList(0, lines.size() - 1)) + ")";
    result = SNAKE_EVENT.matcher(result).replaceAll(m -> m.group(1).toLowerCase(java.util.Locale.ROOT));
    // parsers quote the offending text; it may be part of a Secret, so it never reaches a finding
    return QUOTED.matcher(result).replaceAll("$1…$1");
  }

  private static final java.util.regex.Pattern QUOTED =
      java.util.regex.Pattern.compile("(?<!field )(['\"])(?!<)[^'\"\n]{4,}\\1");

  private void report(Severity severity, String location, String message, String remediation) {
    findings++;
    problems.accept(new Finding(severity, RULE_ID, null, location, message, remediation));
  }

  private static ObjectMapper yamlMapper() {
    LoaderOptions options = new LoaderOptions();
    // large ConfigMaps and CRDs exceed SnakeYAML's default of 3 MB per document
    options.setCodePointLimit(64 * 1024 * 1024);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    return new ObjectMapper(factory).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }
}
