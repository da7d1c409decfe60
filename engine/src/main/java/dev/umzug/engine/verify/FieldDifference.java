package dev.umzug.engine.verify;

import dev.umzug.engine.spi.JsonPointer;
import java.util.Objects;

/**
 * One field where the live object does not match the intent.
 *
 * <p>Path notation: a JSON pointer (RFC 6901 escaping: {@code ~1} for {@code /}, {@code ~0} for
 * {@code ~}) in which an item of a keyed list is written {@code key=value} (several keys joined by
 * {@code ,}) instead of an index, e.g. {@code /spec/template/spec/containers/name=web/image} or
 * {@code .../ports/containerPort=80,protocol=TCP}; items of other lists by their index in the intent.
 *
 * @param path where, in the notation above
 * @param kind missing or changed
 * @param intended the intended value as canonical JSON; {@code null} when redacted
 * @param actual the live value as canonical JSON; {@code null} when missing or redacted
 * @param redacted true for Secret data: values are never shown, the report says only "differs"
 */
public record FieldDifference(JsonPointer path, Kind kind, String intended, String actual, boolean redacted) {

  /** What is wrong with the field. */
  public enum Kind {
    /** The intended field or list item is absent from the live object. */
    MISSING,
    /** The live value differs from the intended one. */
    CHANGED
  }

  public FieldDifference {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (redacted) {
      intended = null;
      actual = null;
    }
  }

  /** One line for messages, e.g. {@code /spec/replicas: intended 3, actual 2}. */
  public String describe() {
    if (redacted) {
      return path + (kind == Kind.MISSING ? ": missing" : ": differs");
    }
    return path + (kind == Kind.MISSING ? ": missing, intended " + intended : ": intended " + intended + ", actual " + actual);
  }
}
