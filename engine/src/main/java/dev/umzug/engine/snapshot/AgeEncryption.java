package dev.umzug.engine.snapshot;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import dev.umzug.engine.error.InvalidInputException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Client-side encryption in the age format (age-encryption.org/v1, binary, not armored) to X25519
 * recipients, through jagged. What this writes, {@code age -d -i identity.txt} reads, and the
 * other way round. Streaming both ways: payloads are processed in age's 64 KiB chunks.
 */
public final class AgeEncryption {

  private static final Pattern RECIPIENT = Pattern.compile("age1[02-9ac-hj-np-z]{58}");

  private AgeEncryption() {}

  /**
   * Checks recipient strings ({@code age1...}) and returns them sorted and without duplicates.
   *
   * @throws InvalidInputException naming the first recipient that is not a valid X25519 recipient
   */
  public static List<String> checkRecipients(List<String> recipients) {
    if (recipients.isEmpty()) {
      throw new InvalidInputException("no age recipients: encryption needs at least one age1... recipient");
    }
    for (String r : recipients) {
      if (r == null || !RECIPIENT.matcher(r).matches()) {
        throw new InvalidInputException("not an age X25519 recipient: " + r);
      }
      writer(r);
    }
    return recipients.stream().distinct().sorted().toList();
  }

  /**
   * Wraps {@code sink} so that what is written is encrypted to every recipient. Closing the returned
   * stream writes the last chunk; it does not close {@code sink}.
   */
  public static OutputStream encrypt(OutputStream sink, List<String> recipients) throws IOException {
    List<RecipientStanzaWriter> writers = new ArrayList<>();
    for (String r : checkRecipients(recipients)) {
      writers.add(writer(r));
    }
    WritableByteChannel target = Channels.newChannel(new FilterOutputStream(sink) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush(); // leave the sink open: its owner closes it
      }
    });
    try {
      WritableByteChannel encrypting = new StandardEncryptingChannelFactory().newEncryptingChannel(target, writers);
      return Channels.newOutputStream(encrypting);
    } catch (GeneralSecurityException e) {
      throw new IOException("age: cannot start encryption: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Wraps {@code source} so that reading it gives the plain text. A wrong identity fails here; a
   * damaged payload fails while reading, in either case before unauthenticated bytes are returned
   * for the damaged chunk.
   *
   * @param what names the item in messages, e.g. its key
   * @throws InvalidInputException when no identity matches a recipient of the file
   */
  public static InputStream decrypt(InputStream source, AgeIdentity identity, String what) throws IOException {
    ReadableByteChannel in = Channels.newChannel(source);
    try {
      return Channels.newInputStream(new StandardDecryptingChannelFactory().newDecryptingChannel(in, identity.readers()));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(
          what + ": cannot decrypt with " + identity + ": none of its identities matches a recipient of the item"
              + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static RecipientStanzaWriter writer(String recipient) {
    try {
      return X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new InvalidInputException("not an age X25519 recipient: " + recipient);
    }
  }
}
