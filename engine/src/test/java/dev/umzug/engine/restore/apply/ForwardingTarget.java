package dev.umzug.engine.restore.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.ResourceRef;
import java.util.Optional;

/** Passes every call on to another target; tests override the calls they want to disturb. */
class ForwardingTarget implements Target {

  final MemoryTarget target;

  ForwardingTarget(MemoryTarget target) {
    this.target = target;
  }

  @Override
  public String describe() {
    return "forwarding to " + target.describe();
  }

  @Override
  public Optional<ObjectNode> get(ResourceRef ref, String apiVersion) {
    return target.get(ref, apiVersion);
  }

  @Override
  public ObjectNode create(ObjectNode object, boolean dryRun) {
    return target.create(object, dryRun);
  }

  @Override
  public ObjectNode replace(ObjectNode object, boolean dryRun) {
    return target.replace(object, dryRun);
  }

  @Override
  public ObjectNode apply(ObjectNode object, boolean dryRun) {
    return target.apply(object, dryRun);
  }

  @Override
  public boolean serves(String apiVersion, String kind) {
    return target.serves(apiVersion, kind);
  }
}
