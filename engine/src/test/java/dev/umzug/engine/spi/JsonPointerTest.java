package dev.umzug.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JSON pointers")
class JsonPointerTest {

  @Test
  @DisplayName("escape '/' and '~' in a segment, so annotation keys with slashes address one key")
  void escapesSlashAndTilde() {
    JsonPointer p = JsonPointer.of("metadata", "annotations", "example.com/x~y");
    assertThat(p).hasToString("/metadata/annotations/example.com~1x~0y");
    assertThat(JsonPointer.parse(p.toString())).isEqualTo(p);
    assertThat(JsonPointer.parse(p.toString()).last()).isEqualTo("example.com/x~y");
  }

  @Test
  @DisplayName("overlap when one contains the other, and only then")
  void overlap() {
    JsonPointer annotations = JsonPointer.of("metadata", "annotations");
    assertThat(annotations.append("a").overlaps(annotations)).isTrue();
    assertThat(annotations.overlaps(annotations.append("a"))).isTrue();
    assertThat(annotations.append("a").overlaps(annotations.append("b"))).isFalse();
    assertThat(JsonPointer.of("spec", "ab").overlaps(JsonPointer.of("spec", "a"))).isFalse();
  }

  @Test
  @DisplayName("a pointer that does not start with '/' is refused")
  void refusesRelative() {
    assertThatThrownBy(() -> JsonPointer.parse("metadata/name")).isInstanceOf(IllegalArgumentException.class);
  }
}
