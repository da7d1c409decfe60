package dev.umzug.engine.rewrite.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.plan.RuleAction.ReplaceAction;
import dev.umzug.engine.spi.JsonPointer;
import dev.umzug.engine.spi.PatchOp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ReplaceAction} compiled once: finds every string value at a path whose {@code *}
 * segments stand for every item of a list or every value of a map, and answers with one {@code
 * replace} operation per value the regular expression changes. Values that are not strings, and
 * paths that do not exist, are left alone.
 */
final class ValueReplacer {

  private final List<String> segments;
  private final Pattern regex;
  private final String with;

  ValueReplacer(ReplaceAction action) {
    this.segments = JsonPointer.parse(action.path()).segments();
    this.regex = Pattern.compile(action.regex());
    this.with = action.with();
  }

  List<PatchOp> ops(JsonNode object) {
    List<PatchOp> ops = new ArrayList<>();
    walk(object, 0, JsonPointer.root(), ops);
    return ops;
  }

  private void walk(JsonNode node, int depth, JsonPointer at, List<PatchOp> ops) {
    if (depth == segments.size()) {
      if (node.isTextual()) {
        Matcher m = regex.matcher(node.asText());
        if (m.find()) {
          String replaced = m.replaceAll(with);
          if (!replaced.equals(node.asText())) {
            ops.add(PatchOp.replace(at, replaced));
          }
        }
      }
      return;
    }
    String segment = segments.get(depth);
    if (segment.equals("*")) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), depth + 1, at.append(i), ops);
        }
      } else if (node.isObject()) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          walk(node.get(name), depth + 1, at.append(name), ops);
        }
      }
      return;
    }
    JsonNode child;
    if (node.isObject()) {
      child = node.get(segment);
    } else if (node.isArray() && segment.matches("0|[1-9][0-9]{0,8}")) {
      child = node.get(Integer.parseInt(segment));
    } else {
      child = null;
    }
    if (child != null) {
      walk(child, depth + 1, at.append(segment), ops);
    }
  }
}
