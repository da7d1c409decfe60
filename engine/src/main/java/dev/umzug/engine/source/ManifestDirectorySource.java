package dev.umzug.engine.source;

import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.spi.Finding;
import dev.umzug.engine.spi.ObjectSource;
import dev.umzug.engine.spi.Severity;
import dev.umzug.engine.spi.SourceItem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Objects from a directory of manifests (or one file), as written by {@code kubectl get -o yaml} or
 * kept in a repository.
 *
 * <p>Files are read in the order of their path relative to the root, with {@code /} separators, so
 * the stream is the same on every system and on every call. Only one file is held in memory at a
 * time. The walk follows symbolic links but not loops, and skips hidden directories such as {@code
 * .git}. A file named as the root is read whatever its extension.
 *
 * <p>Inputs that need a tool first are recognised and reported, not half-converted: a Helm chart
 * directory (holding {@code Chart.yaml}) or a file with Helm template markers is an error that says
 * to run {@code helm template}; a kustomization is a warning that says to run {@code kubectl
 * kustomize}. Every problem is a finding under {@value #RULE_ID}; none stops the stream.
 */
public final class ManifestDirectorySource implements ObjectSource {

  /** Rule id of the findings about input files. */
  public static final String RULE_ID = "source/read-manifests";

  private static final Set<String> KUSTOMIZATION_FILES =
      Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private final Path root;

  public ManifestDirectorySource(Path root) {
    this.root = root;
  }

  @Override
  public String describe() {
    return "manifests directory " + root;
  }

  @Override
  public void read(Consumer<SourceItem> items, Consumer<Finding> problems) throws IOException {
    readWithSummary(items, problems);
  }

  /**
   * Reads as {@link #read} does and tells how many files were read and skipped.
   *
   * @throws InvalidInputException when the root does not exist or cannot be read
   */
  public ReadSummary readWithSummary(Consumer<SourceItem> items, Consumer<Finding> problems)
      throws IOException {
    if (!Files.exists(root)) {
      throw new InvalidInputException("manifests not found: " + root);
    }
    if (!Files.isReadable(root)) {
      throw new InvalidInputException("manifests not readable: " + root);
    }
    List<Entry> entries = Files.isDirectory(root) ? walk() : List.of(single());
    ManifestFileReader reader = new ManifestFileReader(items, problems);
    int read = 0;
    int skipped = 0;
    int charts = 0;
    long extra = 0;
    for (Entry entry : entries) {
      switch (entry.type) {
        case MANIFEST, JSON -> {
          read++;
          byte[] bytes;
          try {
            bytes = Files.readAllBytes(entry.file);
          } catch (IOException e) {
            extra++;
            problems.accept(problem(Severity.ERROR, entry.path, "file cannot be read: " + why(e)));
            continue;
          }
          reader.read(entry.path, bytes, entry.type == Type.JSON);
        }
        case KUSTOMIZATION -> {
          extra++;
          String dir = directoryOf(entry.path);
          problems.accept(
              new Finding(Severity.WARNING, RULE_ID, null, entry.path,
                  ManifestFileReader.kustomizeMessage(dir),
                  ManifestFileReader.kustomizeRemediation(dir)));
        }
        case HELM_CHART -> {
          charts++;
          extra++;
          problems.accept(
              new Finding(Severity.ERROR, RULE_ID, null, entry.path,
                  "Helm chart: render it with 'helm template' and convert the output",
                  "helm template RELEASE " + entry.path + " > rendered.yaml,"
                      + " then convert rendered.yaml"));
        }
        case OTHER -> skipped++;
        case LOOP -> {
          extra++;
          problems.accept(
              problem(Severity.WARNING, entry.path, "symbolic link loop, not followed"));
        }
        case UNREADABLE -> {
          extra++;
          problems.accept(problem(Severity.ERROR, entry.path, entry.detail));
        }
      }
    }
    return new ReadSummary(read, skipped, charts, reader.objects(), reader.findings() + extra);
  }

  private Entry single() {
    String name = root.getFileName().toString();
    if (KUSTOMIZATION_FILES.contains(name)) {
      return new Entry(name, root, Type.KUSTOMIZATION, null);
    }
    boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
    return new Entry(name, root, json ? Type.JSON : Type.MANIFEST, null);
  }

  /** Every entry under the root, sorted by relative path; only paths are kept, not contents. */
  private List<Entry> walk() throws IOException {
    List<Entry> entries = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
              if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                entries.add(new Entry(".", dir, Type.HELM_CHART, null));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }
            if (dir.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
              entries.add(new Entry(relative(dir) + "/", dir, Type.HELM_CHART, null));
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String rel = relative(file);
            if (attrs.isSymbolicLink()) {
              entries.add(new Entry(rel, file, Type.UNREADABLE,
                  "broken symbolic link to " + target(file)));
            } else if (attrs.isRegularFile()) {
              entries.add(new Entry(rel, file, typeOf(file.getFileName().toString()), null));
            } else {
              entries.add(new Entry(rel, file, Type.OTHER, null));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              entries.add(new Entry(relative(file), file, Type.LOOP, null));
            } else {
              entries.add(new Entry(relative(file), file, Type.UNREADABLE,
                  "cannot be read: " + why(e)));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
              entries.add(new Entry(relative(dir) + "/", dir, Type.UNREADABLE,
                  "directory cannot be read: " + why(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    entries.sort(Comparator.comparing(Entry::path));
    return entries;
  }

  private static Type typeOf(String name) {
    if (KUSTOMIZATION_FILES.contains(name)) {
      return Type.KUSTOMIZATION;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Type.MANIFEST;
    }
    return lower.endsWith(".json") ? Type.JSON : Type.OTHER;
  }

  private String relative(Path path) {
    Path rel = root.relativize(path);
    List<String> parts = new ArrayList<>();
    rel.forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  private static String directoryOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "an unknown target";
    }
  }

  private static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
  }

  private static Finding problem(Severity severity, String location, String message) {
    return new Finding(severity, RULE_ID, null, location, message, "");
  }

  private enum Type {
    MANIFEST,
    JSON,
    KUSTOMIZATION,
    HELM_CHART,
    OTHER,
    LOOP,
    UNREADABLE
  }

  private record Entry(String path, Path file, Type type, String detail) {}
}
