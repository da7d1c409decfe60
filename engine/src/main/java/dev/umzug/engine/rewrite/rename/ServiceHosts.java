package dev.umzug.engine.rewrite.rename;

import dev.umzug.engine.spi.Inventory;
import dev.umzug.engine.spi.ResourceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds cluster host names of Services in renamed namespaces inside free text, and rewrites them.
 *
 * <p>{@code svc.ns.svc} and {@code svc.ns.svc.cluster.local} are host names wherever they stand
 * (also as the tail of a longer name, such as a StatefulSet pod's {@code web-0.svc.ns.svc}). A bare
 * {@code svc.ns} is taken for a host only where it clearly is one, with a port ({@code svc.ns:5432})
 * or right after a URL's {@code //} or user info, and only when a Service {@code svc} was read in
 * {@code ns}: {@code https://api.dev} could as well be a public {@code .dev} name. Names match on
 * label boundaries, so {@code foo.shop.svc} is not found in {@code foo.shop2.svc} or {@code
 * foo.xshop.svc}. The text is scanned once, so renames that swap two names are applied correctly.
 */
final class ServiceHosts {

  /** One DNS-1123 label, as a Service name is. */
  private static final String LABEL = "[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?";

  /** Neither a host character nor a dot that goes on with one: the name ends here. */
  private static final String NAME_ENDS = "(?![a-z0-9_-]|\\.[a-z0-9_-])";

  private static final Pattern PORT = Pattern.compile(":\\d{1,5}(?![a-z0-9_-])", Pattern.CASE_INSENSITIVE);

  /** What one scan found. */
  record Scan(String text, List<String> rewritten, SortedSet<String> namespaces, List<String> unknown) {

    /** Whether any host was rewritten; {@link #text} is then the new text. */
    boolean changed() {
      return !rewritten.isEmpty();
    }
  }

  private final Renames renames;
  private final Inventory inventory;
  private final Pattern hosts;
  private final Pattern mentions;

  ServiceHosts(Renames renames, Inventory inventory) {
    this.renames = renames;
    this.inventory = inventory;
    String namespaces =
        renames.map().keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    this.hosts =
        Pattern.compile(
            "(?<![a-z0-9_-])(" + LABEL + ")\\.(" + namespaces + ")(\\.svc(?:\\.cluster\\.local)?)?"
                + NAME_ENDS,
            Pattern.CASE_INSENSITIVE);
    this.mentions =
        Pattern.compile(
            "(?<![a-z0-9_-])(" + namespaces + ")\\.svc(?![a-z0-9_-])", Pattern.CASE_INSENSITIVE);
  }

  /** Rewrites the host names in {@code text}; the scan says which and what it left alone. */
  Scan scan(String text) {
    Matcher m = hosts.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    Set<String> rewritten = new LinkedHashSet<>();
    SortedSet<String> namespaces = new TreeSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    int copied = 0;
    while (m.find()) {
      String service = m.group(1).toLowerCase(Locale.ROOT);
      String from = m.group(2).toLowerCase(Locale.ROOT);
      boolean qualified = m.group(3) != null;
      if (!qualified) {
        if (!clearlyHost(text, m.start(), m.end())) {
          continue;
        }
        if (!inventory.contains(new ResourceRef("", "Service", from, service))) {
          unknown.add(m.group());
          continue;
        }
      }
      String to = renames.target(from).orElseThrow();
      String host = m.group(1) + "." + to + (qualified ? m.group(3) : "");
      out.append(text, copied, m.start()).append(host);
      copied = m.end();
      rewritten.add(m.group() + " becomes " + host);
      namespaces.add(from);
    }
    out.append(text, copied, text.length());
    return new Scan(out.toString(), List.copyOf(rewritten), namespaces, new ArrayList<>(unknown));
  }

  /** The renamed namespaces whose {@code ns.svc} appears in {@code text}, in name order. */
  SortedSet<String> mentioned(String text) {
    SortedSet<String> found = new TreeSet<>();
    Matcher m = mentions.matcher(text);
    while (m.find()) {
      found.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return found;
  }

  /** A bare {@code svc.ns} is a host with a port after it, or as the host part of a URL. */
  private static boolean clearlyHost(String text, int start, int end) {
    if (start > 0 && text.charAt(start - 1) == '.') {
      return false;
    }
    if (PORT.matcher(text).region(end, text.length()).lookingAt()) {
      return true;
    }
    if (text.startsWith("//", start - 2)) {
      return true;
    }
    if (start == 0 || text.charAt(start - 1) != '@') {
      return false;
    }
    int scheme = text.lastIndexOf("://", start);
    return scheme >= 0
        && text.substring(scheme + 3, start - 1)
            .chars()
            .noneMatch(c -> c == '/' || Character.isWhitespace(c));
  }
}
