package dev.umzug.engine.restore;

import dev.umzug.engine.spi.ResourceRef;
import java.util.List;

/**
 * A step of a plan with its objects, sorted by {@link ResourceRef} order. The objects of one step
 * are independent of each other's readiness and may be applied in parallel.
 */
public record PlannedStep(RestoreStep step, List<RestoreItem> items) {

  public PlannedStep {
    items = List.copyOf(items);
  }

  public List<ResourceRef> refs() {
    return items.stream().map(RestoreItem::ref).toList();
  }
}
