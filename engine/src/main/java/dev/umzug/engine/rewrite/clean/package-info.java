/**
 * Provider-independent rules that run first ({@link dev.umzug.engine.spi.RewriteRule#PRIORITY_CLEAN}):
 * they strip what an API server populated and drop what must not be migrated. Each rule owns its
 * own JSON paths, so that none of them cancels another in the engine's merge.
 *
 * <table>
 *   <caption>Paths owned</caption>
 *   <tr><th>rule</th><th>paths</th></tr>
 *   <tr><td>{@code clean/strip-server-metadata}</td><td>{@code /metadata/{uid, resourceVersion,
 *       generation, creationTimestamp, managedFields, selfLink, deletionTimestamp,
 *       deletionGracePeriodSeconds}}, two annotations, pod-template and claim-template
 *       {@code creationTimestamp}</td></tr>
 *   <tr><td>{@code clean/strip-status}</td><td>{@code /status}, claim-template {@code status}</td></tr>
 *   <tr><td>{@code clean/strip-owner-references}</td><td>{@code /metadata/ownerReferences}</td></tr>
 *   <tr><td>{@code clean/strip-service-allocations}</td><td>Service {@code /spec/clusterIP(s)},
 *       {@code /spec/ports/N/nodePort}, {@code /spec/healthCheckNodePort}</td></tr>
 *   <tr><td>{@code clean/strip-pod-node-name}</td><td>Pod {@code /spec/nodeName}</td></tr>
 *   <tr><td>{@code clean/strip-volume-binding}</td><td>PVC binding annotations,
 *       {@code /spec/volumeName}</td></tr>
 * </table>
 *
 * <p>The drop rules patch nothing.
 */
package dev.umzug.engine.rewrite.clean;
