package dev.umzug.engine.error;

/**
 * A cluster that cannot be reached or that refuses us: a closed port, an unknown context, expired
 * credentials, access denied. The message is one line and never contains a token or key; the CLI
 * maps this to exit code 4.
 */
public class ClusterAccessException extends MigrationException {

  private final int code;
  private final String namespace;
  private final String name;

  /**
   * @param code the HTTP status the API server answered, or 0 when there was no answer
   * @param namespace the namespace concerned, or {@code null}
   * @param name the object or resource concerned, or {@code null}
   */
  public ClusterAccessException(
      String message, int code, String namespace, String name, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.namespace = namespace;
    this.name = name;
  }

  public ClusterAccessException(String message, int code, Throwable cause) {
    this(message, code, null, null, cause);
  }

  /** The HTTP status the API server answered, or 0 when it did not answer at all. */
  public int getCode() {
    return code;
  }

  /** The namespace concerned, or {@code null}. */
  public String getNamespace() {
    return namespace;
  }

  /** The object or resource concerned, or {@code null}. */
  public String getName() {
    return name;
  }
}
