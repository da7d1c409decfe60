package dev.umzug.providers.velero;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ResourceRef;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SnapshotStore;
import dev.umzug.engine.spi.StoreKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Cross-checks the tarball against {@code <b>-resource-list.json.gz}, Velero's own list of what it
 * backed up: {@code {"apps/v1/Deployment": ["shop/web"], "v1/Namespace": ["shop"], ...}}. An object
 * listed there but absent from the tarball is a warning: it will not be converted. The list is
 * streamed; only the names of the objects read from the tarball are kept, by API group and kind
 * (not version, since the list and the preferred directory may name different versions).
 */
final class ResourceListCheck {

  private final Set<String> seen = new HashSet<>();
  private final Set<String> unreadable = new HashSet<>();

  /** An object read from the tarball. */
  void saw(String group, String kind, String namespace, String name) {
    seen.add(group + "|" + kind + "|" + nullToEmpty(namespace) + "|" + name);
  }

  /** An entry that could not be read as an object: whatever kind it was, it is not "missing". */
  void sawUnreadable(String group, String namespace, String name) {
    unreadable.add(group + "|" + nullToEmpty(namespace) + "|" + name);
  }

  /** Reads the list and reports what it names that the tarball lacked; returns how many. */
  long check(SnapshotStore store, StoreKey key, String location, String backup, Consumer<Finding> problems) {
    long missing = 0;
    try (InputStream in = new GZIPInputStream(store.get(key), 64 * 1024);
        JsonParser parser = new JsonFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String type = parser.currentName();
        int slash = type.lastIndexOf('/');
        String group = slash < 0 ? "" : ResourceRef.groupOf(type.substring(0, slash));
        String kind = type.substring(slash + 1);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
          throw new IOException("the value of '" + type + "' is not a list");
        }
        boolean skipped = NonRestorableResources.skipsKind(group, kind);
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          String item = parser.getText();
          int cut = item.indexOf('/');
          String namespace = cut < 0 ? null : item.substring(0, cut);
          String name = item.substring(cut + 1);
          if (skipped
              || seen.contains(group + "|" + kind + "|" + nullToEmpty(namespace) + "|" + name)
              || unreadable.contains(group + "|" + nullToEmpty(namespace) + "|" + name)) {
            continue;
          }
          missing++;
          problems.accept(
              new Finding(
                  Severity.WARNING, VeleroBackupSource.RULE_ID,
                  new ResourceRef(group, kind, namespace, name), location,
                  "listed in the backup's resource list but not in its tarball; it is not converted",
                  "check 'velero backup logs " + backup + "' and the tarball; back the object up again"
                      + " or recreate it on the target by hand"));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
          throw new IOException("the list of '" + type + "' holds something other than names");
        }
      }
    } catch (NoSuchFileException e) {
      problems.accept(
          new Finding(
              Severity.WARNING, VeleroBackupSource.RULE_ID, null, location,
              "the backup has no resource list; the tarball could not be cross-checked",
              "every Velero release writes " + key.name() + "; copy the whole backup directory"));
    } catch (IOException e) {
      problems.accept(
          new Finding(
              Severity.WARNING, VeleroBackupSource.RULE_ID, null, location,
              "the resource list cannot be read (" + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " "))
                  + "); the tarball could not be fully cross-checked",
              "copy the backup directory again"));
    }
    return missing;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
