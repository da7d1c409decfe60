package dev.umzug.it;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Generates EKS-flavoured manifests: a mix of the kinds a real application namespace holds. */
final class Workload {

  private Workload() {}

  /** Writes {@code count} objects, {@code perFile} documents per file; returns the bytes written. */
  static long generate(Path dir, int count, int perFile) throws IOException {
    Files.createDirectories(dir);
    long bytes = 0;
    for (int file = 0; file * perFile < count; file++) {
      Path path = dir.resolve(String.format(Locale.ROOT, "ns-%03d/part-%05d.yaml", file % 200, file));
      Files.createDirectories(path.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        for (int i = file * perFile; i < Math.min(count, (file + 1) * perFile); i++) {
          String doc = document(i, "ns-" + String.format(Locale.ROOT, "%03d", file % 200));
          w.write("---\n");
          w.write(doc);
          bytes += doc.length() + 4;
        }
      }
    }
    return bytes;
  }

  static String document(int i, String ns) {
    return switch (i % 6) {
      case 0 -> """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web-%1$d
            namespace: %2$s
            labels: {app: web-%1$d}
            annotations:
              kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"apps/v1"}'
            uid: 0b6e1c2a-%1$08d
            resourceVersion: "%1$d"
          spec:
            replicas: 2
            selector: {matchLabels: {app: web-%1$d}}
            template:
              metadata: {labels: {app: web-%1$d}}
              spec:
                serviceAccountName: web
                nodeSelector: {eks.amazonaws.com/nodegroup: general}
                containers:
                - name: web
                  image: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop/web:1.%1$d
                  ports: [{containerPort: 8080, name: http}]
                  env: [{name: MODE, value: "prod"}]
                  resources: {requests: {cpu: 100m, memory: 128Mi}}
          status: {replicas: 2}
          """.formatted(i, ns);
      case 1 -> """
          apiVersion: v1
          kind: Service
          metadata:
            name: web-%1$d
            namespace: %2$s
            annotations:
              service.beta.kubernetes.io/aws-load-balancer-type: external
              service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
          spec:
            type: LoadBalancer
            clusterIP: 10.100.%3$d.%4$d
            selector: {app: web-%1$d}
            ports: [{name: http, port: 80, targetPort: http, nodePort: 3%5$04d}]
          """.formatted(i, ns, (i / 250) % 250, i % 250, i % 2767);
      case 2 -> """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: config-%1$d, namespace: %2$s}
          data:
            LOG_LEVEL: info
            FEATURE_FLAGS: "a,b,c"
            application.properties: |
              server.port=8080
              spring.datasource.url=jdbc:postgresql://db:5432/shop
          """.formatted(i, ns);
      case 3 -> """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata:
            name: data-%1$d
            namespace: %2$s
            annotations: {pv.kubernetes.io/bind-completed: "yes"}
          spec:
            accessModes: [ReadWriteOnce]
            storageClassName: gp3
            volumeName: pvc-%1$08d
            resources: {requests: {storage: 10Gi}}
          """.formatted(i, ns);
      case 4 -> """
          apiVersion: v1
          kind: Secret
          metadata: {name: creds-%1$d, namespace: %2$s}
          type: Opaque
          data: {password: c2VjcmV0LXBhc3N3b3Jk}
          """.formatted(i, ns);
      default -> """
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db-%1$d, namespace: %2$s}
          spec:
            serviceName: db-%1$d
            selector: {matchLabels: {app: db-%1$d}}
            template:
              metadata: {labels: {app: db-%1$d}}
              spec:
                tolerations: [{key: eks.amazonaws.com/compute-type, operator: Exists}]
                containers: [{name: db, image: postgres:16, ports: [{containerPort: 5432}]}]
            volumeClaimTemplates:
            - metadata: {name: data}
              spec: {accessModes: [ReadWriteOnce], storageClassName: gp3, resources: {requests: {storage: 20Gi}}}
          """.formatted(i, ns);
    };
  }
}
