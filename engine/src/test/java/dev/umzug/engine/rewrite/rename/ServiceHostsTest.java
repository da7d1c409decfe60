package dev.umzug.engine.rewrite.rename;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umzug.engine.inventory.IndexedInventory;
import dev.umzug.engine.rewrite.SimpleRewriteContext;
import dev.umzug.engine.spi.Mappings;
import dev.umzug.engine.spi.ResourceView;
import dev.umzug.engine.testing.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which texts name a Service host in a renamed namespace, and what they become. */
class ServiceHostsTest {

  /** shop becomes shop-eu; a and b swap names; Services redis and db were read in shop. */
  private static final ServiceHosts HOSTS = hosts();

  private static ServiceHosts hosts() {
    List<ResourceView> services =
        Stream.of("redis", "db").map(name -> ResourceView.of(service(name, "shop"), "test")).toList();
    var context =
        new SimpleRewriteContext(
            TestProfile.SOURCE,
            TestProfile.TARGET,
            new Mappings(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of("shop", "shop-eu", "a", "b", "b", "a")),
            IndexedInventory.of(services));
    return new ServiceHosts(Renames.of(context).orElseThrow(), context.inventory());
  }

  private static ObjectNode service(String name, String namespace) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Service");
    node.putObject("metadata").put("name", name).put("namespace", namespace);
    return node;
  }

  static Stream<Arguments> rewritten() {
    return Stream.of(
        Arguments.of("a short cluster name", "api.shop.svc", "api.shop-eu.svc"),
        Arguments.of("a full name in a URL with port and path", "http://api.shop.svc.cluster.local:8080/v1",
            "http://api.shop-eu.svc.cluster.local:8080/v1"),
        Arguments.of("a StatefulSet pod's name, keeping the pod label", "web-0.web.shop.svc.cluster.local",
            "web-0.web.shop-eu.svc.cluster.local"),
        Arguments.of("an absolute name with its trailing dot", "api.shop.svc.cluster.local.",
            "api.shop-eu.svc.cluster.local."),
        Arguments.of("a bare name with a port, of a Service that was read", "redis.shop:6379", "redis.shop-eu:6379"),
        Arguments.of("a bare name as a URL's host after user info", "postgres://app@db.shop/app",
            "postgres://app@db.shop-eu/app"),
        Arguments.of("a bare name right after a URL's slashes", "redis://redis.shop", "redis://redis.shop-eu"),
        Arguments.of("every host of a list, and a name in upper case", "API.SHOP.SVC:1,b.shop.svc:2",
            "API.shop-eu.SVC:1,b.shop-eu.svc:2"),
        Arguments.of("two swapped namespaces, in one pass", "x.a.svc y.b.svc", "x.b.svc y.a.svc"),
        Arguments.of("a host inside a sentence", "connect to api.shop.svc, then retry",
            "connect to api.shop-eu.svc, then retry"));
  }

  @ParameterizedTest(name = "{0} is rewritten")
  @MethodSource("rewritten")
  @DisplayName("host names of renamed namespaces are rewritten")
  void rewrites(String name, String text, String expected) {
    ServiceHosts.Scan scan = HOSTS.scan(text);
    assertThat(scan.text()).isEqualTo(expected);
    assertThat(scan.changed()).isTrue();
    assertThat(scan.unknown()).isEmpty();
  }

  static Stream<Arguments> untouched() {
    return Stream.of(
        Arguments.of("a namespace that only starts with a renamed one", "foo.shop2.svc"),
        Arguments.of("a namespace that only ends with a renamed one", "foo.xshop.svc"),
        Arguments.of("a hyphenated longer namespace", "foo.shop-old.svc"),
        Arguments.of("a longer suffix than svc", "foo.shop.svcx"),
        Arguments.of("a custom domain after svc", "foo.shop.svc.example.com"),
        Arguments.of("a longer domain than cluster.local", "foo.shop.svc.cluster.local2"),
        Arguments.of("a bare name without port or URL", "redis.shop"),
        Arguments.of("a bare name in a longer host", "cache.redis.shop:6379"),
        Arguments.of("a namespace without a Service label", "shop.svc"),
        Arguments.of("a namespace the plan does not rename", "http://api.billing.svc.cluster.local"),
        Arguments.of("an underscore before the label", "x_api.shop.svc"),
        Arguments.of("a bare name followed by more host", "redis.shop.example:6379"));
  }

  @ParameterizedTest(name = "{0} is left alone")
  @MethodSource("untouched")
  @DisplayName("look-alikes are left alone")
  void leavesAlone(String name, String text) {
    ServiceHosts.Scan scan = HOSTS.scan(text);
    assertThat(scan.text()).isEqualTo(text);
    assertThat(scan.changed()).isFalse();
    assertThat(scan.unknown()).isEmpty();
  }

  @Test
  @DisplayName("a bare host of a Service that was not read is left alone and named as unknown")
  void unknownService() {
    ServiceHosts.Scan scan = HOSTS.scan("https://status.shop/health and api.shop:443");
    assertThat(scan.changed()).isFalse();
    assertThat(scan.unknown()).containsExactly("status.shop", "api.shop");
  }

  @Test
  @DisplayName("mentions of ns.svc are found on label boundaries only")
  void mentions() {
    assertThat(HOSTS.mentioned("http://auth.shop.svc.cluster.local/x, b.svc, shop2.svc, xa.svc, a.svcx"))
        .containsExactly("b", "shop");
  }
}
