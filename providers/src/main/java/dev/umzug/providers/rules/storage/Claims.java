package dev.umzug.providers.rules.storage;

import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.ResourceView;
import java.util.function.BiConsumer;

/** The claims an object holds: a PersistentVolumeClaim itself, or a StatefulSet's claim templates. */
final class Claims {

  private Claims() {}

  /**
   * Calls {@code visit} with the pointer to each claim and a message prefix naming it ("" for a
   * PersistentVolumeClaim, "volume claim template NAME: " for a template).
   */
  static void each(ResourceView resource, BiConsumer<JsonPointer, String> visit) {
    if (resource.kind().equals("PersistentVolumeClaim")) {
      visit.accept(JsonPointer.root(), "");
      return;
    }
    int count = resource.at(JsonPointer.of("spec", "volumeClaimTemplates")).size();
    for (int i = 0; i < count; i++) {
      JsonPointer template = JsonPointer.of("spec", "volumeClaimTemplates", i);
      String name = resource.text(template.append("metadata", "name")).orElse(String.valueOf(i));
      visit.accept(template, "volume claim template " + name + ": ");
    }
  }
}
