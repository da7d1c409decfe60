package dev.umzug.engine.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umzug.engine.error.InvalidInputException;
import dev.umzug.engine.error.OutputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes converted objects into a staging directory beside the requested output, and moves it into
 * place only when the whole run succeeded. An interrupted or failed run therefore never leaves a
 * half-written output directory that looks complete, and never damages an earlier one.
 */
public final class StagedOutput implements AutoCloseable {

  private final Path target;
  private final Path staging;
  private boolean committed;

  private StagedOutput(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Prepares the staging directory.
   *
   * @param overwrite whether an existing, non-empty output directory may be replaced
   */
  public static StagedOutput open(Path target, boolean overwrite) {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      if (!Files.isDirectory(absolute)) {
        throw new InvalidInputException(target + ": output path exists and is not a directory");
      }
      if (!overwrite && !isEmpty(absolute)) {
        throw new InvalidInputException(
            target + ": output directory is not empty; choose another or pass --overwrite");
      }
    }
    Path parent = absolute.getParent();
    try {
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".umzug-tmp-");
      return new StagedOutput(absolute, staging);
    } catch (IOException e) {
      throw new OutputException(parent + ": cannot create output directory: " + reason(e), e);
    }
  }

  /** Writes one document to a relative path ('/'-separated). */
  public void write(String relativePath, JsonNode document) {
    Path file = staging.resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        Yaml.write(document, out);
      }
    } catch (FileAlreadyExistsException e) {
      throw new OutputException(target.resolve(relativePath) + ": written twice", e);
    } catch (IOException e) {
      throw new OutputException(target.resolve(relativePath) + ": cannot write: " + reason(e), e);
    }
  }

  /** Moves the staged result into place, replacing an earlier output directory. */
  public void commit() {
    try {
      Path old = null;
      if (Files.exists(target)) {
        old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".umzug-old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException e) {
      throw new OutputException(target + ": cannot move the result into place: " + reason(e), e);
    }
  }

  public Path target() {
    return target;
  }

  /** Removes the staging directory unless the result was committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        deleteTree(staging);
      } catch (IOException e) {
        // best effort: a leftover hidden staging directory is harmless and never looks complete
      }
    }
  }

  private static boolean isEmpty(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      throw new OutputException(dir + ": cannot read output directory: " + reason(e), e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String reason(IOException e) {
    String simple = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? simple : simple + " " + e.getMessage();
  }
}
