package dev.umzug.engine.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream into its documents before any parsing, so that a syntax error in one
 * document does not lose the documents after it. A document starts after a {@code ---} line and
 * ends before the next one or at a {@code ...} line; both markers must start at column 0, where the
 * YAML specification forbids them inside content. Documents holding only blank lines, comments or
 * directives are not returned; the others are numbered from 0 in file order.
 */
final class YamlDocuments {

  /**
   * One document of a file.
   *
   * @param index position among the file's non-empty documents, from 0
   * @param firstLine line number in the file (from 1) of the document's first line
   * @param text the document, with its first line at {@code firstLine}
   */
  record Document(int index, int firstLine, String text) {}

  private YamlDocuments() {}

  static List<Document> split(String text) {
    List<Document> documents = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int firstLine = 1;
    int lineNumber = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      lineNumber++;
      if (isMarker(line, "---") || isMarker(line, "...")) {
        add(documents, current, firstLine);
        current.setLength(0);
        String rest = line.substring(3).strip();
        if (line.startsWith("---") && !rest.isEmpty() && !rest.startsWith("#")) {
          // content on the marker line, e.g. "--- {a: 1}": keep its column
          current.append("   ").append(line.substring(3)).append('\n');
          firstLine = lineNumber;
        } else {
          firstLine = lineNumber + 1;
        }
      } else {
        current.append(line).append('\n');
      }
      start = end + 1;
    }
    add(documents, current, firstLine);
    return documents;
  }

  private static void add(List<Document> documents, StringBuilder text, int firstLine) {
    if (hasContent(text)) {
      documents.add(new Document(documents.size(), firstLine, text.toString()));
    }
  }

  private static boolean isMarker(String line, String marker) {
    return line.startsWith(marker)
        && (line.length() == marker.length() || Character.isWhitespace(line.charAt(3)));
  }

  private static boolean hasContent(CharSequence text) {
    for (String line : text.toString().split("\n", -1)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#") && !line.startsWith("%")) {
        return true;
      }
    }
    return false;
  }
}
