package dev.umzug.providers.velero;

import java.util.Optional;

/**
 * The meaning of one entry name in a Velero resource tarball:
 *
 * <pre>
 * resources/&lt;gr&gt;/namespaces/&lt;ns&gt;/&lt;name&gt;.json                          legacy path
 * resources/&lt;gr&gt;/cluster/&lt;name&gt;.json
 * resources/&lt;gr&gt;/&lt;ver&gt;-preferredversion/namespaces/&lt;ns&gt;/&lt;name&gt;.json   preferred version
 * resources/&lt;gr&gt;/&lt;ver&gt;-preferredversion/cluster/&lt;name&gt;.json
 * resources/&lt;gr&gt;/&lt;ver&gt;/...                                          other versions
 * </pre>
 *
 * {@code <gr>} is the group-resource as Kubernetes prints it: {@code pods} for the core group,
 * {@code deployments.apps} otherwise.
 *
 * @param path the entry name as stored
 * @param groupResource e.g. {@code deployments.apps}
 * @param version the API version of the directory, or null on the legacy path
 * @param preferred whether the directory is the {@code -preferredversion} one
 * @param namespace the namespace, or null for a cluster-scoped object
 * @param name the object's name
 */
record VeleroTarPath(
    String path, String groupResource, String version, boolean preferred, String namespace, String name) {

  static final String PREFERRED_SUFFIX = "-preferredversion";

  /** The entry as an object path, or empty for anything else (such as {@code metadata/version}). */
  static Optional<VeleroTarPath> parse(String path) {
    String[] p = path.split("/", -1);
    if (p.length < 4 || !p[0].equals("resources") || p[1].isEmpty() || !p[p.length - 1].endsWith(".json")) {
      return Optional.empty();
    }
    String file = p[p.length - 1];
    String name = file.substring(0, file.length() - ".json".length());
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String gr = p[1];
    if (p.length == 5 && p[2].equals("namespaces") && !p[3].isEmpty()) {
      return Optional.of(new VeleroTarPath(path, gr, null, false, p[3], name));
    }
    if (p.length == 4 && p[2].equals("cluster")) {
      return Optional.of(new VeleroTarPath(path, gr, null, false, null, name));
    }
    if (p[2].isEmpty()) {
      return Optional.empty();
    }
    boolean preferred = p[2].endsWith(PREFERRED_SUFFIX) && p[2].length() > PREFERRED_SUFFIX.length();
    String version = preferred ? p[2].substring(0, p[2].length() - PREFERRED_SUFFIX.length()) : p[2];
    if (p.length == 6 && p[3].equals("namespaces") && !p[4].isEmpty()) {
      return Optional.of(new VeleroTarPath(path, gr, version, preferred, p[4], name));
    }
    if (p.length == 5 && p[3].equals("cluster")) {
      return Optional.of(new VeleroTarPath(path, gr, version, preferred, null, name));
    }
    return Optional.empty();
  }

  /** The API group of the resource: {@code apps} for {@code deployments.apps}, "" for {@code pods}. */
  String group() {
    int dot = groupResource.indexOf('.');
    return dot < 0 ? "" : groupResource.substring(dot + 1);
  }

  /** Whether this is a copy in a version that is neither preferred nor the legacy path. */
  boolean otherVersion() {
    return version != null && !preferred;
  }

  /** The object this entry holds, whatever the directory. */
  ObjectId object() {
    return new ObjectId(groupResource, namespace, name);
  }

  /** One object of the backup, as its path names it. */
  record ObjectId(String groupResource, String namespace, String name) {}
}
