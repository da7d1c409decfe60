package dev.umzug.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 1Gi}, {@code 500m}, {@code 1e3}), which the API server
 * returns in its own canonical form ({@code 0.5} comes back as {@code 500m}, {@code 1073741824} as
 * {@code 1Gi}). Only values at quantity fields are normalised: elsewhere {@code "1"} and {@code
 * "1.0"} are different strings.
 */
final class Quantities {

  /** Parents whose every member is a quantity, e.g. {@code resources/limits/cpu}, PV {@code capacity/storage}. */
  private static final Set<String> QUANTITY_MAPS = Set.of("limits", "requests", "capacity", "hard", "overhead");

  /** Parents of quantities inside a LimitRange's {@code spec/limits/*} only (elsewhere, e.g. in CRD schemas, "default" is not a quantity). */
  private static final Set<String> LIMIT_RANGE_MAPS =
      Set.of("default", "defaultRequest", "max", "min", "maxLimitRequestRatio");

  /** Fields that are a quantity themselves ({@code emptyDir.sizeLimit}). */
  private static final Set<String> QUANTITY_FIELDS = Set.of("sizeLimit");

  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private static final Map<String, BigDecimal> SUFFIX =
      Map.ofEntries(
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
          Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")));

  private Quantities() {}

  /** Whether the value at this field path (field names, {@code *} for list items) is a quantity. */
  static boolean isQuantityField(List<String> fieldPath) {
    int n = fieldPath.size();
    if (n >= 1 && QUANTITY_FIELDS.contains(fieldPath.get(n - 1))) {
      return true;
    }
    if (n < 2) {
      return false;
    }
    String parent = fieldPath.get(n - 2);
    return QUANTITY_MAPS.contains(parent)
        || (LIMIT_RANGE_MAPS.contains(parent) && n == 5 && fieldPath.subList(0, 3).equals(List.of("spec", "limits", "*")));
  }

  /** The value of a quantity written as a JSON string or number. */
  static Optional<BigDecimal> parse(JsonNode node) {
    if (node.isNumber()) {
      return Optional.of(node.decimalValue());
    }
    if (!node.isTextual()) {
      return Optional.empty();
    }
    Matcher m = QUANTITY.matcher(node.textValue().trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return Optional.of(number);
    }
    if (suffix.startsWith("e") || suffix.startsWith("E")) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
    }
    return Optional.of(number.multiply(SUFFIX.get(suffix)));
  }
}
