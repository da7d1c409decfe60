package dev.umzug.engine.snapshot;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import dev.umzug.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * age X25519 identities read from an identity file in the format {@code age-keygen} writes: lines
 * starting {@code AGE-SECRET-KEY-1}, comments ({@code #}) and blank lines. The secret keys are held
 * only inside jagged's stanza readers; {@link #toString} names the file, never a key.
 */
public final class AgeIdentity {

  private final String source;
  private final List<RecipientStanzaReader> readers;

  private AgeIdentity(String source, List<RecipientStanzaReader> readers) {
    this.source = source;
    this.readers = List.copyOf(readers);
  }

  /**
   * Reads an identity file.
   *
   * @throws InvalidInputException when the file is missing or holds no valid identity; the message
   *     names the file and line, never the key
   */
  public static AgeIdentity read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the age identity file", e);
    }
    List<RecipientStanzaReader> readers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(line));
      } catch (GeneralSecurityException | RuntimeException e) {
        // the exception may quote the key: do not chain it
        throw new InvalidInputException(file + ":" + (i + 1) + ": not an age X25519 identity (AGE-SECRET-KEY-1...)");
      }
    }
    if (readers.isEmpty()) {
      throw new InvalidInputException(file + ": holds no age identity");
    }
    return new AgeIdentity(file.toString(), readers);
  }

  /** An identity from its secret key string, for tests and for keys held elsewhere. */
  public static AgeIdentity of(String description, CharSequence secretKey) {
    try {
      return new AgeIdentity(description, List.of(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(secretKey)));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new InvalidInputException(description + ": not an age X25519 identity");
    }
  }

  List<RecipientStanzaReader> readers() {
    return readers;
  }

  /** Where the identity came from, e.g. the file name. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "age identity from " + source;
  }
}
