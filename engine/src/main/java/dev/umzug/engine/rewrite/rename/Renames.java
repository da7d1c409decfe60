package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.spi.RewriteContext;
import dev.umzug.engine.spi.RewriteResult;
import dev.umzug.engine.spi.RewriteRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The plan's namespace renames as the rules that fix references to them read them. */
final class Renames {

  /**
   * Priority of the rules that fix references to a renamed namespace: after the cleaning and
   * provider rules, but below {@link RewriteRule#PRIORITY_USER}, so that an operator's rule touching
   * the same field still wins over them. They touch other paths than {@link RenameNamespaceRule}
   * (950) and, like every rule, read the object as it came from the source, with its source namespace.
   */
  static final int PRIORITY = RewriteRule.PRIORITY_USER - 50;

  private final Map<String, String> map;

  private Renames(Map<String, String> map) {
    this.map = map;
  }

  /** The plan's renames, or empty when it renames no namespace. */
  static Optional<Renames> of(RewriteContext context) {
    Map<String, String> map = context.mappings().namespaces();
    return map.isEmpty() ? Optional.empty() : Optional.of(new Renames(map));
  }

  /** Source namespace to target namespace, in source-name order. */
  Map<String, String> map() {
    return map;
  }

  /** The new name of a renamed namespace; empty for one that keeps its name. */
  Optional<String> target(String source) {
    return source == null ? Optional.empty() : Optional.ofNullable(map.get(source));
  }

  /** {@code shop (now shop-eu)} for each name, in the order given. */
  String describe(Collection<String> sources) {
    return sources.stream().map(s -> s + " (now " + map.get(s) + ")").collect(Collectors.joining(", "));
  }

  /**
   * Replaces the text at {@code pointer} when it is a renamed namespace, with an info finding naming
   * the path; does nothing otherwise.
   */
  void renameAt(ResourceView resource, JsonPointer pointer, RewriteResult.Builder result) {
    resource
        .text(pointer)
        .flatMap(this::target)
        .ifPresent(
            to -> {
              String from = resource.text(pointer).orElseThrow();
              result.patch(PatchOp.replace(pointer, to));
              result.info(pointer + ": namespace " + from + " becomes " + to);
            });
  }

  /** Pointers to the items of the array at {@code array}, none when there is no array. */
  static List<JsonPointer> items(ResourceView resource, JsonPointer array) {
    int size = resource.at(array).isArray() ? resource.at(array).size() : 0;
    List<JsonPointer> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add(array.append(i));
    }
    return items;
  }
}
