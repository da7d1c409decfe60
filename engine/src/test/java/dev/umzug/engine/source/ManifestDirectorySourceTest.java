package dev.umzug.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.SourceItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestDirectorySourceTest {

  private static final Path MIXED = Path.of("src/test/resources/source/mixed");

  /** One thing the source reported, objects and findings in one stream so order is checked too. */
  record Event(String type, String location, String text) {
    static Event object(String location, String ref) {
      return new Event("object", location, ref);
    }

    static Event finding(String severity, String location, String messagePart) {
      return new Event(severity, location, messagePart);
    }

    boolean matches(Event actual) {
      return type.equals(actual.type)
          && location.equals(actual.location)
          && (type.equals("object") ? text.equals(actual.text) : actual.text.contains(text));
    }
  }

  static List<Event> read(Path root) throws IOException {
    List<Event> events = new ArrayList<>();
    new ManifestDirectorySource(root).read(
        item -> events.add(Event.object(item.location(), refOf(item))),
        f -> events.add(new Event(f.severity().label(), f.location(), f.message())));
    return events;
  }

  /** Asserts the events match the expected ones, in order; findings by message substring. */
  static void assertEvents(List<Event> actual, Event... expected) {
    assertThat(actual)
        .as("events were:%n%s", String.join("\n", actual.stream().map(Event::toString).toList()))
        .hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(expected[i].matches(actual.get(i)))
          .as("event %d: expected %s but was %s", i, expected[i], actual.get(i))
          .isTrue();
    }
  }

  private static String refOf(SourceItem item) {
    return ResourceView.of(item.object(), item.location()).ref().toString();
  }

  @Nested
  @DisplayName("Given the mixed fixture tree")
  class MixedTree {

    /** Every event of the mixed tree, in the order the source must give them. */
    static Stream<Event> expected() {
      return Stream.of(
          Event.object("UPPER.YML#0", "Namespace shop"),
          Event.object("alert-rules.yaml#0", "ConfigMap monitoring/alert-rules"),
          Event.object("apps/api.json#0", "ConfigMap shop/api-a"),
          Event.object("apps/api.json#1", "ConfigMap shop/api-b"),
          Event.object("apps/web/crlf.yaml#0", "ConfigMap shop/crlf"),
          Event.object("apps/web/crlf.yaml#1", "ConfigMap shop/crlf-2"),
          Event.object("apps/web/deploy.yaml#0", "Deployment.apps shop/web"),
          Event.object("apps/web/deploy.yaml#1", "Service shop/web"),
          Event.object("broken.yaml#0", "ConfigMap before"),
          Event.finding("error", "broken.yaml#1", "document 1 does not parse at line 10, column"),
          Event.object("broken.yaml#2", "ConfigMap after"),
          Event.finding("error", "chart/", "Helm chart: render it with 'helm template'"),
          Event.finding("warning", "comments.yml", "file holds no Kubernetes objects"),
          Event.finding("warning", "empty.yaml", "file holds no Kubernetes objects"),
          Event.object("flux.yaml#0", "Kustomization.kustomize.toolkit.fluxcd.io flux-system/apps"),
          Event.finding("warning", "flux.yaml#1", "kustomize overlay recognised, not applied"),
          Event.finding("error", "helm-file.yaml", "Helm template: render it with 'helm template'"),
          Event.object("list.yaml#0[0]", "ConfigMap shop/listed-a"),
          Event.object("list.yaml#0[1]", "Secret shop/listed-b"),
          Event.finding("warning", "noname.yaml#0", "document 0 is not converted: Job has no"
              + " metadata.name (it has only metadata.generateName 'migrate-'"),
          Event.finding("error", "noname.yaml#1", "document 1 lacks apiVersion, metadata.name"),
          Event.finding("error", "noname.yaml#2", "document 2 is not a mapping but a sequence"),
          Event.finding("warning", "overlay/kustomization.yaml",
              "kustomize overlay recognised, not applied: run 'kubectl kustomize overlay'"),
          Event.object("utf16le-bom.yaml#0", "ConfigMap shop/wide-bom"),
          Event.object("utf16le-nobom.yaml#0", "ConfigMap shop/wide-nobom"));
    }

    @Test
    @DisplayName("objects and findings come in relative-path order, each exactly as listed")
    void everyEventInOrder() throws IOException {
      assertEvents(read(MIXED), expected().toArray(Event[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    @DisplayName("each expected event occurs")
    void eachEventOccurs(Event event) throws IOException {
      assertThat(read(MIXED)).anyMatch(event::matches);
    }

    @Test
    @DisplayName("reading twice gives the same sequence")
    void readTwice() throws IOException {
      assertThat(read(MIXED)).isEqualTo(read(MIXED));
    }

    @Test
    @DisplayName("files in hidden directories, values.yaml and chart templates are not read")
    void hiddenAndChartFilesAreNotRead() throws IOException {
      assertThat(read(MIXED))
          .noneMatch(e -> e.location().startsWith(".hidden"))
          .noneMatch(e -> e.location().startsWith("chart/") && !e.location().equals("chart/"));
    }

    @Test
    @DisplayName("UTF-16 files are decoded, non-ASCII text included")
    void utf16Decoded() throws IOException {
      List<SourceItem> items = new ArrayList<>();
      new ManifestDirectorySource(MIXED.resolve("utf16le-bom.yaml")).read(items::add, f -> {});
      assertThat(items).singleElement()
          .satisfies(i -> assertThat(i.object().at("/data/greeting").asText()).isEqualTo("Grüße"));
    }

    @Test
    @DisplayName("a CRLF file keeps no carriage returns in its values")
    void crlfNormalised() throws IOException {
      List<SourceItem> items = new ArrayList<>();
      new ManifestDirectorySource(MIXED.resolve("apps/web/crlf.yaml")).read(items::add, f -> {});
      assertThat(items).hasSize(2);
      assertThat(items.get(0).object().at("/data/a").asText()).isEqualTo("1");
      assertThat(items.get(0).object().toString()).doesNotContain("\\r");
    }

    @Test
    @DisplayName("the summary counts files read, files skipped and charts")
    void summary() throws IOException {
      ReadSummary summary =
          new ManifestDirectorySource(MIXED).readWithSummary(i -> {}, f -> {});
      // 14 YAML/JSON files outside the chart and hidden dir; README.md skipped; kustomization.yaml
      // is reported, not read
      assertThat(summary).isEqualTo(new ReadSummary(14, 1, 1, 15, 10));
    }

    @Test
    @DisplayName("source findings carry the source rule id, a location and no object")
    void findingShape() throws IOException {
      List<Finding> findings = new ArrayList<>();
      new ManifestDirectorySource(MIXED).read(i -> {}, findings::add);
      assertThat(findings).allSatisfy(f -> {
        assertThat(f.ruleId()).isEqualTo("source/read-manifests");
        assertThat(f.location()).isNotBlank();
        assertThat(f.resource()).isNull();
        assertThat(f.message()).doesNotContain("\n");
      });
    }
  }

  @Nested
  @DisplayName("Given files written by the test")
  class Written {

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return p;
    }

    private String configMap(String name) {
      return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
    }

    @Test
    @DisplayName("a binary file with a .yaml extension is an error, and the next file still streams")
    void binary() throws IOException {
      Files.write(dir.resolve("a.yaml"),
          new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I'});
      write("b.yaml", configMap("b"));
      assertEvents(read(dir),
          Event.finding("error", "a.yaml", "file is binary, not a manifest"),
          Event.object("b.yaml#0", "ConfigMap b"));
    }

    @Test
    @DisplayName("text with NUL bytes is binary")
    void nulBytes() throws IOException {
      write("a.yaml", "apiVersion: v1\u0000\u0000\u0000kind: x\n");
      assertThat(read(dir)).singleElement()
          .satisfies(e -> assertThat(e.text()).isEqualTo("file is binary, not a manifest"));
    }

    @Test
    @DisplayName("files are read in path order whatever order they were created in")
    void deterministicOrder() throws IOException {
      write("z/z.yaml", configMap("z"));
      write("a-b.yaml", configMap("a-b"));
      write("a/b.yaml", configMap("a-slash-b"));
      write("B.yml", configMap("upper-b"));
      write("m.JSON", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"m\"}}");
      assertThat(read(dir)).extracting(Event::location)
          .containsExactly("B.yml#0", "a-b.yaml#0", "a/b.yaml#0", "m.JSON#0", "z/z.yaml#0");
    }

    @Test
    @DisplayName("a .git directory is skipped")
    void gitSkipped() throws IOException {
      write(".git/x.yaml", configMap("x"));
      write("y.yaml", configMap("y"));
      assertThat(read(dir)).extracting(Event::location).containsExactly("y.yaml#0");
    }

    @Test
    @DisplayName("a symbolic link loop is reported once and not followed")
    void symlinkLoop() throws IOException {
      write("sub/a.yaml", configMap("a"));
      Files.createSymbolicLink(dir.resolve("sub/loop"), dir);
      List<Event> events = read(dir);
      assertEvents(events,
          Event.object("sub/a.yaml#0", "ConfigMap a"),
          new Event("warning", "sub/loop", "symbolic link loop, not followed"));
    }

    @Test
    @DisplayName("a syntax error in a JSON file reports the document, line and column")
    void jsonError() throws IOException {
      write("a.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}\n"
          + "{\"kind\": }\n");
      List<Event> events = read(dir);
      assertThat(events).hasSize(2);
      assertThat(events.get(1).location()).isEqualTo("a.json#1");
      assertThat(events.get(1).text()).startsWith("document 1 does not parse at line 2, column 10");
    }

    @Test
    @DisplayName("a parse error never repeats the text it choked on, which may be secret")
    void parseErrorDoesNotEchoContent() throws IOException {
      write("s.json", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},"
          + "\"stringData\":{\"password\": hunter2-very-secret}}\n");
      write("t.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\nstringData:\n  password: \"s3cr3t-value\n  x: [\n");
      List<Event> events = read(dir);
      assertThat(events).hasSize(2);
      assertThat(events).allSatisfy(e -> assertThat(e.text()).doesNotContain("hunter2", "s3cr3t"));
    }

    @Test
    @DisplayName("a duplicate key is an error rather than a silent overwrite")
    void duplicateKey() throws IOException {
      write("a.yaml", configMap("a") + "data:\n  k: one\n  k: two\n");
      assertThat(read(dir)).singleElement()
          .satisfies(e -> assertThat(e.text()).contains("Duplicate field 'k'"));
    }

    @Test
    @DisplayName("a Kustomization file without extension is recognised")
    void kustomizationWithoutExtension() throws IOException {
      write("base/Kustomization", "resources: [cm.yaml]\n");
      write("base/cm.yaml", configMap("cm"));
      assertEvents(read(dir),
          Event.finding("warning", "base/Kustomization", "run 'kubectl kustomize base'"),
          Event.object("base/cm.yaml#0", "ConfigMap cm"));
    }

    @Test
    @DisplayName("a CR whose kind ends in List but has a name is an object, not a list")
    void namedListKind() throws IOException {
      write("a.yaml", "apiVersion: example.com/v1\nkind: AllowList\nmetadata:\n  name: ok\n"
          + "items: [a, b]\n");
      assertEvents(read(dir),Event.object("a.yaml#0", "AllowList.example.com ok"));
    }

    @Test
    @DisplayName("a ConfigMapList from kubectl is flattened")
    void typedList() throws IOException {
      write("a.yaml", "apiVersion: v1\nkind: ConfigMapList\nitems:\n"
          + "  - {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}\n  - 42\n");
      assertEvents(read(dir),
          Event.object("a.yaml#0[0]", "ConfigMap one"),
          Event.finding("error", "a.yaml#0[1]", "item 1 of document 0 is not a mapping"));
    }

    @Test
    @DisplayName("a root that is a single file is read whatever its extension")
    void singleFileRoot() throws IOException {
      Path file = write("exported.txt", configMap("a"));
      assertEvents(read(file),Event.object("exported.txt#0", "ConfigMap a"));
    }

    @Test
    @DisplayName("a root holding Chart.yaml is one Helm chart finding")
    void chartRoot() throws IOException {
      write("Chart.yaml", "apiVersion: v2\nname: x\n");
      write("templates/a.yaml", configMap("a"));
      assertEvents(read(dir),
          Event.finding("error", ".", "Helm chart: render it with 'helm template'"));
    }

    @Test
    @DisplayName("a missing root is invalid input naming the path")
    void missingRoot() {
      Path missing = dir.resolve("nope");
      assertThatThrownBy(() -> read(missing))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("manifests not found: " + missing);
    }
  }
}
