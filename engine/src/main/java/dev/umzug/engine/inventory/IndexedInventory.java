package dev.umzug.engine.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.spi.Inventory;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.ResourceSelector;
import dev.umzug.engine.spi.ResourceView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An inventory that knows every object's reference and keeps the content of the few kinds other
 * objects refer to. Memory grows by one reference per object, not by object size.
 */
public final class IndexedInventory implements Inventory {

  /** The kinds whose content is kept, because rules look them up from other objects. */
  public static final ResourceSelector RETAINED =
      ResourceSelector.kinds(
          "Namespace",
          "ServiceAccount",
          "PersistentVolume",
          "StorageClass.storage.k8s.io",
          "IngressClass.networking.k8s.io",
          "PriorityClass.scheduling.k8s.io",
          "CustomResourceDefinition.apiextensions.k8s.io",
          "VolumeSnapshotClass.snapshot.storage.k8s.io",
          "SecretProviderClass.secrets-store.csi.x-k8s.io",
          "SecretStore.external-secrets.io",
          "ClusterSecretStore.external-secrets.io",
          "GatewayClass.gateway.networking.k8s.io");

  private final Set<ResourceRef> refs;
  private final Map<ResourceRef, ResourceView> retained;

  private IndexedInventory(Set<ResourceRef> refs, Map<ResourceRef, ResourceView> retained) {
    this.refs = refs;
    this.retained = retained;
  }

  public static Builder builder() {
    return new Builder(false);
  }

  /** An inventory of the given objects, all retained: for tests and small inputs. */
  public static IndexedInventory of(Collection<ResourceView> views) {
    Builder b = new Builder(true);
    views.forEach(b::add);
    return b.build();
  }

  @Override
  public boolean contains(ResourceRef ref) {
    return refs.contains(ref);
  }

  @Override
  public Optional<ResourceView> get(ResourceRef ref) {
    return Optional.ofNullable(retained.get(ref));
  }

  @Override
  public List<ResourceView> all(String group, String kind) {
    List<ResourceView> list = new ArrayList<>();
    for (Map.Entry<ResourceRef, ResourceView> e : retained.entrySet()) {
      if (e.getKey().group().equals(group) && e.getKey().kind().equals(kind)) {
        list.add(e.getValue());
      }
    }
    return list;
  }

  @Override
  public long size() {
    return refs.size();
  }

  /** Collects references while a source streams. */
  public static final class Builder {
    private final Set<ResourceRef> refs = new HashSet<>();
    private final Map<ResourceRef, ResourceView> retained = new TreeMap<>();
    private final boolean retainAll;

    private Builder(boolean retainAll) {
      this.retainAll = retainAll;
    }

    /** Adds one object; returns false when an object with the same reference was already added. */
    public boolean add(ResourceView view) {
      if (!refs.add(view.ref())) {
        return false;
      }
      if (retainAll || RETAINED.matches(view.ref())) {
        retained.put(view.ref(), new ResourceView((ObjectNode) view.json(), view.ref(), view.location()));
      }
      return true;
    }

    public IndexedInventory build() {
      return new IndexedInventory(Set.copyOf(refs), java.util.Collections.unmodifiableMap(new TreeMap<>(retained)));
    }
  }
}
