package dev.umzug.providers.velero;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VeleroTarPathTest {

  static Stream<Arguments> objectPaths() {
    return Stream.of(
        Arguments.of("a namespaced object on the legacy path",
            "resources/deployments.apps/namespaces/shop/web.json",
            new VeleroTarPath("resources/deployments.apps/namespaces/shop/web.json", "deployments.apps", null, false, "shop", "web")),
        Arguments.of("a cluster-scoped object on the legacy path",
            "resources/namespaces/cluster/shop.json",
            new VeleroTarPath("resources/namespaces/cluster/shop.json", "namespaces", null, false, null, "shop")),
        Arguments.of("a namespaced object in its preferred version",
            "resources/pods/v1-preferredversion/namespaces/shop/web-0.json",
            new VeleroTarPath("resources/pods/v1-preferredversion/namespaces/shop/web-0.json", "pods", "v1", true, "shop", "web-0")),
        Arguments.of("a cluster-scoped object in its preferred version, with dots in its name",
            "resources/customresourcedefinitions.apiextensions.k8s.io/v1-preferredversion/cluster/widgets.example.com.json",
            new VeleroTarPath("resources/customresourcedefinitions.apiextensions.k8s.io/v1-preferredversion/cluster/widgets.example.com.json",
                "customresourcedefinitions.apiextensions.k8s.io", "v1", true, null, "widgets.example.com")),
        Arguments.of("a copy in another version (EnableAPIGroupVersions)",
            "resources/widgets.example.com/v1beta1/namespaces/shop/w1.json",
            new VeleroTarPath("resources/widgets.example.com/v1beta1/namespaces/shop/w1.json", "widgets.example.com", "v1beta1", false, "shop", "w1")),
        Arguments.of("a cluster role whose name has colons",
            "resources/clusterroles.rbac.authorization.k8s.io/cluster/system:aggregate-to-edit.json",
            new VeleroTarPath("resources/clusterroles.rbac.authorization.k8s.io/cluster/system:aggregate-to-edit.json",
                "clusterroles.rbac.authorization.k8s.io", null, false, null, "system:aggregate-to-edit")));
  }

  @ParameterizedTest(name = "{0} is read as an object path")
  @MethodSource("objectPaths")
  void parses(String description, String path, VeleroTarPath expected) {
    assertThat(VeleroTarPath.parse(path)).contains(expected);
  }

  @ParameterizedTest(name = "{0} is not an object path")
  @ValueSource(strings = {
      "metadata/version",
      "resources/pods/namespaces/shop/web.yaml",
      "resources/pods/namespaces/shop",
      "resources/pods/cluster/.json",
      "resources//namespaces/shop/web.json",
      "resources/pods/v1-preferredversion/somewhere/shop/web.json",
      "other/pods/namespaces/shop/web.json"})
  void rejects(String path) {
    assertThat(VeleroTarPath.parse(path)).isEmpty();
  }

  @ParameterizedTest(name = "the group of {0} is ''{1}''")
  @MethodSource("groups")
  void group(String gr, String group) {
    assertThat(new VeleroTarPath("p", gr, null, false, null, "n").group()).isEqualTo(group);
  }

  static Stream<Arguments> groups() {
    return Stream.of(
        Arguments.of("pods", ""),
        Arguments.of("deployments.apps", "apps"),
        Arguments.of("volumesnapshots.snapshot.storage.k8s.io", "snapshot.storage.k8s.io"));
  }
}
