package dev.umzug.engine.source.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Lists one type in one namespace, page by page ({@code limit}/{@code continue}), into a small
 * queue that the reader drains. The queue holds {@value #PAGES_AHEAD} pages: when the reader is
 * busy elsewhere, the listing waits, so memory stays bounded by the page size.
 *
 * <p>A continue token can expire while we wait (HTTP 410, after about five minutes on a real API
 * server). The listing then starts again and skips the names already delivered: the API server
 * returns a namespace's objects in name order, so "already delivered" is "not after the last name".
 */
final class PagedList implements Runnable {

  static final int PAGES_AHEAD = 2;
  private static final int MAX_RESTARTS = 3;

  /** What the reader takes from the queue. */
  sealed interface Page {}

  record Items(List<ObjectNode> objects) implements Page {}

  record Done() implements Page {}

  record Failed(KubernetesClientException cause) implements Page {}

  private final KubernetesClient client;
  private final ResourceType type;
  private final String namespace;
  private final int pageSize;
  private final BlockingQueue<Page> pages = new ArrayBlockingQueue<>(PAGES_AHEAD);

  PagedList(KubernetesClient client, ResourceType type, String namespace, int pageSize) {
    this.client = client;
    this.type = type;
    this.namespace = namespace;
    this.pageSize = pageSize;
  }

  ResourceType type() {
    return type;
  }

  String namespace() {
    return namespace;
  }

  /** The next page, {@link Done} after the last, or {@link Failed}. */
  Page take() throws InterruptedException {
    return pages.take();
  }

  @Override
  public void run() {
    try {
      try {
        list();
        pages.put(new Done());
      } catch (KubernetesClientException e) {
        pages.put(new Failed(e));
      } catch (RuntimeException e) {
        pages.put(new Failed(new KubernetesClientException(e.getMessage(), e)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the reader gave up; nobody waits for more pages
    }
  }

  private void list() throws InterruptedException {
    String cont = null;
    String lastName = null;
    String skipUpTo = null;
    int restarts = 0;
    boolean more = true;
    while (more) {
      JsonNode list;
      try {
        list = fetch(cont);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 410 && cont != null && restarts < MAX_RESTARTS) {
          restarts++;
          cont = null;
          skipUpTo = lastName;
          continue;
        }
        throw e;
      }
      JsonNode items = list.path("items");
      List<ObjectNode> objects = new ArrayList<>(items.size());
      for (JsonNode item : items) {
        if (!(item instanceof ObjectNode object)) {
          continue;
        }
        String name = object.path("metadata").path("name").asText("");
        if (skipUpTo != null && name.compareTo(skipUpTo) <= 0) {
          continue;
        }
        objects.add(toNode(object));
        lastName = name;
      }
      if (!objects.isEmpty()) {
        pages.put(new Items(objects));
      }
      cont = list.path("metadata").path("continue").asText("");
      more = !cont.isEmpty();
    }
  }

  /**
   * One page, read as JSON straight into a tree: going through fabric8's typed list and back would
   * convert every object twice.
   */
  private JsonNode fetch(String cont) {
    StringBuilder url = new StringBuilder(client.getMasterUrl().toString());
    if (url.charAt(url.length() - 1) != '/') {
      url.append('/');
    }
    url.append(type.group().isEmpty() ? "api/" : "apis/" + type.group() + "/").append(type.version())
        .append("/namespaces/").append(encode(namespace)).append('/').append(type.plural())
        .append("?limit=").append(pageSize);
    if (cont != null) {
      url.append("&continue=").append(encode(cont));
    }
    String body = client.raw(url.toString());
    if (body == null) {
      throw new KubernetesClientException("not found", 404, null);
    }
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new KubernetesClientException("the list of " + type.plural() + " in " + namespace
          + " is not JSON", 200, null);
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The object as JSON, with the apiVersion and kind a list response leaves out of its items. */
  private ObjectNode toNode(ObjectNode node) {
    ObjectNode out = node.objectNode();
    out.put("apiVersion", type.apiVersion());
    out.put("kind", type.kind());
    node.remove("apiVersion");
    node.remove("kind");
    out.setAll(node);
    return out;
  }
}
