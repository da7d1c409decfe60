package dev.umzug.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.umzug.engine.spi.ResourceRef;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Intent comparer")
class IntentComparerTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ResourceRef WEB = new ResourceRef("apps", "Deployment", "shop", "web");
  private static final ResourceRef SVC = new ResourceRef("", "Service", "shop", "web");
  private static final ResourceRef SECRET = new ResourceRef("", "Secret", "shop", "creds");
  private static final ResourceRef PVC = new ResourceRef("", "PersistentVolumeClaim", "shop", "data");

  private static final String DEPLOYMENT = """
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - name: web
              image: shop/web:1
              ports: [{containerPort: 8080}]
              env: [{name: MODE, value: prod}, {name: LEVEL, value: info}]
              resources: {limits: {memory: 1Gi, cpu: 500m}}
              volumeMounts: [{name: data, mountPath: /data}]
            - name: log
              image: shop/log:1
            volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
            tolerations: [{key: dedicated, operator: Equal, value: shop, effect: NoSchedule}]
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        // ---- no difference ----
        Arguments.of("fields the server defaults are not differences (imagePullPolicy, terminationMessagePath, strategy)",
            WEB, DEPLOYMENT, DEPLOYMENT
                .replace("  replicas: 2", "  replicas: 2\n  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%}}")
                .replace("image: shop/web:1", "image: shop/web:1\n        imagePullPolicy: IfNotPresent\n        terminationMessagePath: /dev/termination-log"),
            List.of()),
        Arguments.of("a sidecar container added by a webhook is not a difference",
            WEB, DEPLOYMENT, DEPLOYMENT.replace("      containers:\n", "      containers:\n      - {name: istio-proxy, image: istio/proxyv2}\n"),
            List.of()),
        Arguments.of("reordered containers, env vars and a toleration added by admission still match",
            WEB, DEPLOYMENT, """
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                      - name: log
                        image: shop/log:1
                      - name: web
                        image: shop/web:1
                        ports: [{containerPort: 8080, protocol: TCP}]
                        env: [{name: LEVEL, value: info}, {name: MODE, value: prod}]
                        resources: {limits: {memory: "1073741824", cpu: "0.5"}}
                        volumeMounts: [{name: data, mountPath: /data}]
                      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
                      tolerations:
                      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                      - {key: dedicated, operator: Equal, value: shop, effect: NoSchedule}
                """, List.of()),
        Arguments.of("extra annotations and labels on the target are not differences",
            WEB, "metadata: {annotations: {team: shop}}",
            "metadata: {annotations: {team: shop, deployment.kubernetes.io/revision: '1'}, labels: {x: y}, uid: u1}",
            List.of()),
        Arguments.of("a Service's clusterIP and nodePort assigned by the target are not differences",
            SVC, "spec: {type: NodePort, ports: [{port: 80, targetPort: 8080}]}",
            "spec: {type: NodePort, clusterIP: 10.0.0.7, ports: [{port: 80, protocol: TCP, targetPort: 8080, nodePort: 31234}]}",
            List.of()),
        Arguments.of("quantities are compared by value (1Gi is 1073741824, 500m is 0.5, 1e3 is 1k)",
            PVC, "spec: {resources: {requests: {storage: 1Gi}, limits: {storage: 1e3}}}",
            "spec: {resources: {requests: {storage: '1073741824'}, limits: {storage: 1k}}}",
            List.of()),
        Arguments.of("fields only the server sets are not compared even when the intent has them",
            WEB, "metadata: {uid: old, resourceVersion: '5', creationTimestamp: null}\nstatus: {replicas: 2}",
            "metadata: {uid: new, resourceVersion: '9'}", List.of()),
        Arguments.of("a Secret's stringData matches its base64 form in data",
            SECRET, "stringData: {password: hunter2}", "data: {password: aHVudGVyMg==}", List.of()),
        // ---- differences ----
        Arguments.of("a changed image is a mismatch at the keyed path of its container",
            WEB, DEPLOYMENT, DEPLOYMENT.replace("shop/web:1", "shop/web:2"),
            List.of("/spec/template/spec/containers/name=web/image: intended \"shop/web:1\", actual \"shop/web:2\"")),
        Arguments.of("a missing env var is a missing field at its keyed path",
            WEB, DEPLOYMENT, DEPLOYMENT.replace("{name: LEVEL, value: info}", "{name: OTHER, value: x}"),
            List.of("/spec/template/spec/containers/name=web/env/name=LEVEL: missing, intended {\"name\":\"LEVEL\",\"value\":\"info\"}")),
        Arguments.of("a quantity with another value is a mismatch",
            WEB, DEPLOYMENT, DEPLOYMENT.replace("memory: 1Gi", "memory: 1G"),
            List.of("/spec/template/spec/containers/name=web/resources/limits/memory: intended \"1Gi\", actual \"1G\"")),
        Arguments.of("a missing container port is reported with its composite key",
            WEB, DEPLOYMENT, DEPLOYMENT.replace("containerPort: 8080", "containerPort: 8081"),
            List.of("/spec/template/spec/containers/name=web/ports/containerPort=8080,protocol=TCP: missing, intended {\"containerPort\":8080}")),
        Arguments.of("a volume mount path with a slash is escaped in the path",
            WEB, DEPLOYMENT, DEPLOYMENT.replace("mountPath: /data", "mountPath: /srv"),
            List.of("/spec/template/spec/containers/name=web/volumeMounts/mountPath=~1data: missing, intended {\"mountPath\":\"/data\",\"name\":\"data\"}")),
        Arguments.of("a missing toleration is reported by its index in the intent",
            WEB, DEPLOYMENT, DEPLOYMENT.replace("value: shop, effect", "value: other, effect"),
            List.of("/spec/template/spec/tolerations/0: missing, intended {\"effect\":\"NoSchedule\",\"key\":\"dedicated\",\"operator\":\"Equal\",\"value\":\"shop\"}")),
        Arguments.of("a string where the intent has a number is a difference: the API never converts",
            WEB, "spec: {replicas: 2}", "spec: {replicas: '2'}",
            List.of("/spec/replicas: intended 2, actual \"2\"")),
        Arguments.of("reordered RBAC rules are a difference, since rules have no key",
            new ResourceRef("rbac.authorization.k8s.io", "Role", "shop", "r"),
            "rules: [{verbs: [get]}, {verbs: [list]}]", "rules: [{verbs: [list]}, {verbs: [get]}]",
            List.of("/rules/0/verbs/0: intended \"get\", actual \"list\"", "/rules/1/verbs/0: intended \"list\", actual \"get\"")),
        Arguments.of("a Secret value that differs is redacted and says only that it differs",
            SECRET, "data: {password: aHVudGVyMg==, user: YWRtaW4=}", "data: {password: c2VjcmV0}",
            List.of("/data/password: differs", "/data/user: missing")),
        Arguments.of("a Secret with no data at all on the target is redacted too",
            SECRET, "data: {password: aHVudGVyMg==}", "type: Opaque",
            List.of("/data: missing")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void compares(String sentence, ResourceRef ref, String intended, String live, List<String> expected) throws Exception {
    List<FieldDifference> diffs = new IntentComparer().compare(ref, YAML.readTree(intended), YAML.readTree(live));
    assertThat(diffs).extracting(FieldDifference::describe).containsExactlyElementsOf(expected);
    if (ref.kind().equals("Secret")) {
      assertThat(diffs).allSatisfy(d -> {
        assertThat(d.redacted()).isTrue();
        assertThat(d.intended()).isNull();
        assertThat(d.actual()).isNull();
      });
    }
  }

  static JsonNode yaml(String text) throws Exception {
    return YAML.readTree(text);
  }
}
