package dev.umzug.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.PlanInvalidException;
import dev.umzug.engine.plan.YamlPositions.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a migration plan file, validates it against the plan schema and returns the model.
 *
 * <p>Every problem is reported at once, one line each, as {@code file:line:column: field:
 * message}, sorted by position, in a {@link PlanInvalidException}. Provider ids are not checked
 * here: the caller checks {@link MigrationPlan#sourceProvider()} and {@link
 * MigrationPlan#targetProvider()} against the registry. Loading reads the one file and nothing
 * else, and the same file always gives an equal plan.
 */
public final class PlanLoader {

  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

  private PlanLoader() {}

  /**
   * Loads the plan at {@code file}. Problems name the file as given, so a relative path gives
   * relative locations.
   *
   * @throws PlanInvalidException when the plan does not parse or does not validate
   * @throws InvalidInputException when the file cannot be read
   */
  public static MigrationPlan load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("plan file not found: " + file, e);
    } catch (IOException e) {
      throw new InvalidInputException("plan file unreadable: " + file + ": " + e.getMessage(), e);
    }
    String display = file.toString();
    JsonNode plan = parse(yaml, display);

    Supplier<YamlPositions> positions = memoized(() -> YamlPositions.of(YAML, yaml));
    List<PlanProblem> problems = header(plan, positions);
    if (problems.isEmpty()) {
      problems = PlanSchema.get().validate(plan, positions);
    }
    if (problems.isEmpty()) {
      problems = PlanChecks.check(plan, positions);
    }
    if (!problems.isEmpty()) {
      throw invalid(display, problems);
    }
    PlanRules.Result rules = PlanRules.read(file, display, plan, positions);
    if (!rules.problems().isEmpty() || !rules.external().isEmpty()) {
      List<String> lines = new ArrayList<>(render(display, rules.problems()));
      lines.addAll(rules.external());
      throw new PlanInvalidException(display, lines);
    }
    return PlanBinder.bind(file, plan, rules.rules());
  }

  /** The single YAML document in the file, which must be a mapping. */
  private static JsonNode parse(String yaml, String display) {
    try (JsonParser parser = YAML.createParser(yaml)) {
      if (parser.nextToken() == null) {
        throw invalid(display, List.of(new PlanProblem(Position.START, "", empty())));
      }
      JsonLocation start = parser.currentTokenLocation();
      JsonNode plan = MAPPER.readTree(parser);
      if (plan == null || plan.isNull() || plan.isMissingNode()) {
        throw invalid(display, List.of(new PlanProblem(Position.START, "", empty())));
      }
      if (!plan.isObject()) {
        String found = plan.isArray() ? "a list" : "a single value";
        throw invalid(display, List.of(new PlanProblem(position(start), "",
            "a plan must be a YAML mapping (apiVersion: ..., kind: ..., spec: ...), found " + found)));
      }
      if (parser.nextToken() != null) {
        throw invalid(display, List.of(new PlanProblem(position(parser.currentTokenLocation()), "",
            "a plan file holds one YAML document; found a second one")));
      }
      return plan;
    } catch (JsonProcessingException e) {
      throw invalid(display, List.of(syntaxError(e)));
    } catch (IOException e) {
      throw new InvalidInputException("plan file unreadable: " + display + ": " + e.getMessage(), e);
    }
  }

  /** apiVersion and kind first: a file that is not a plan gets one clear message, not fifty. */
  private static List<PlanProblem> header(JsonNode plan, Supplier<YamlPositions> positions) {
    List<PlanProblem> problems = new ArrayList<>();
    expect(plan, "apiVersion", MigrationPlan.API_VERSION, positions, problems);
    expect(plan, "kind", MigrationPlan.KIND, positions, problems);
    return problems;
  }

  private static void expect(
      JsonNode plan, String field, String expected, Supplier<YamlPositions> positions, List<PlanProblem> problems) {
    JsonNode value = plan.get(field);
    if (value == null) {
      problems.add(new PlanProblem(Position.START, field,
          "is required; a plan starts with apiVersion: " + MigrationPlan.API_VERSION + " and kind: " + MigrationPlan.KIND));
    } else if (!value.isTextual() || !value.asText().equals(expected)) {
      String found = value.asText().length() > 40 ? value.asText().substring(0, 40) + "..." : value.asText();
      problems.add(new PlanProblem(positions.get().value("/" + field), field,
          "must be " + expected + ", found '" + found + "'; is this a migration plan?"));
    }
  }

  private static PlanProblem syntaxError(JsonProcessingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException) {
      MarkedYAMLException yaml = (MarkedYAMLException) cause;
      Mark mark = yaml.getProblemMark();
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      return new PlanProblem(new Position(mark.getLine() + 1, mark.getColumn() + 1), "",
          "YAML syntax error: " + yaml.getProblem() + context);
    }
    String message = e.getOriginalMessage();
    JsonLocation location = e.getLocation();
    if (message.startsWith("Duplicate field")) {
      message = message.replace("Duplicate field", "duplicate key");
      // the parser stopped after the key; its token starts where the key was written
      if (e.getProcessor() instanceof JsonParser parser) {
        location = parser.currentTokenLocation();
      }
    }
    return new PlanProblem(position(location), "", "YAML syntax error: " + firstLine(message));
  }

  private static String empty() {
    return "the plan is empty; a plan starts with apiVersion: " + MigrationPlan.API_VERSION
        + " and kind: " + MigrationPlan.KIND;
  }

  private static PlanInvalidException invalid(String display, List<PlanProblem> problems) {
    return new PlanInvalidException(display, render(display, problems));
  }

  private static List<String> render(String display, List<PlanProblem> problems) {
    return problems.stream().sorted(PlanProblem.ORDER).map(p -> p.render(display)).distinct().toList();
  }

  private static Position position(JsonLocation location) {
    return location == null
        ? Position.START
        : new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static <T> Supplier<T> memoized(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
