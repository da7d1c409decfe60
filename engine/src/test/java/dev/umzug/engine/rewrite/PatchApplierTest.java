package dev.umzug.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Applying RFC 6902 patches")
class PatchApplierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode doc(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  @DisplayName("add, remove, replace, move, copy and test work as the RFC says, on a copy")
  void allOperations() throws Exception {
    ObjectNode input = doc("{'metadata':{'annotations':{'a/b':'1','c':'2'}},'spec':{'list':[1,2,3]}}");
    ObjectNode out = PatchApplier.applied(input, List.of(
        PatchOp.remove(JsonPointer.of("metadata", "annotations", "a/b")),
        PatchOp.replace(JsonPointer.of("metadata", "annotations", "c"), "3"),
        PatchOp.add(JsonPointer.of("spec", "list", "-"), JSON.getNodeFactory().numberNode(4)),
        PatchOp.add(JsonPointer.of("spec", "list", "0"), JSON.getNodeFactory().numberNode(0)),
        PatchOp.remove(JsonPointer.of("spec", "list", "2")),
        PatchOp.copy(JsonPointer.of("metadata", "annotations", "c"), JsonPointer.of("spec", "c")),
        PatchOp.move(JsonPointer.of("spec", "c"), JsonPointer.of("spec", "d")),
        PatchOp.test(JsonPointer.of("spec", "d"), TextNode.valueOf("3"))));
    assertThat(out).isEqualTo(doc("{'metadata':{'annotations':{'c':'3'}},'spec':{'list':[0,1,3,4],'d':'3'}}"));
    assertThat(input).isEqualTo(doc("{'metadata':{'annotations':{'a/b':'1','c':'2'}},'spec':{'list':[1,2,3]}}"));
  }

  @Test
  @DisplayName("removing a key that is not there fails and names the path")
  void removeMissing() throws Exception {
    assertThatThrownBy(() -> PatchApplier.applied(doc("{'a':{}}"), List.of(PatchOp.remove(JsonPointer.of("a", "b")))))
        .isInstanceOf(PatchApplier.PatchException.class)
        .hasMessageContaining("/a/b");
  }

  @Test
  @DisplayName("a failed test operation stops the patch")
  void failedTest() throws Exception {
    assertThatThrownBy(() -> PatchApplier.applied(doc("{'a':'x'}"), List.of(PatchOp.test(JsonPointer.of("a"), TextNode.valueOf("y")))))
        .isInstanceOf(PatchApplier.PatchException.class)
        .hasMessageContaining("test failed at /a");
  }

  @Test
  @DisplayName("an array index out of range fails instead of growing the array")
  void indexOutOfRange() throws Exception {
    assertThatThrownBy(() -> PatchApplier.applied(doc("{'l':[1]}"), List.of(PatchOp.add(JsonPointer.of("l", "5"), TextNode.valueOf("z")))))
        .isInstanceOf(PatchApplier.PatchException.class);
  }
}
