package dev.umzug.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.umzug.engine.source.YamlDocuments.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

  @Test
  @DisplayName("documents are numbered without the empty ones and keep their first line")
  void split() {
    String text = "# header\n---\na: 1\n---\n---\n# only a comment\n...\n--- # c\nb: 2\n  ---\n";
    assertThat(YamlDocuments.split(text)).containsExactly(
        new Document(0, 3, "a: 1\n"),
        new Document(1, 9, "b: 2\n  ---\n\n"));
  }

  @Test
  @DisplayName("content on the marker line keeps its column")
  void contentOnMarkerLine() {
    assertThat(YamlDocuments.split("--- {a: 1}\n")).containsExactly(
        new Document(0, 1, "    {a: 1}\n\n"));
  }

  @Test
  @DisplayName("a line starting with ---- is content, not a marker")
  void notAMarker() {
    assertThat(YamlDocuments.split("a: |\n----\n")).hasSize(1);
  }
}
