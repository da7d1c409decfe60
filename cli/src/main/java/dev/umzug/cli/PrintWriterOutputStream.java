package dev.umzug.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Lets byte-writing engine code print UTF-8 through the command's PrintWriter. */
final class PrintWriterOutputStream extends OutputStream {

  private final PrintWriter writer;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);

  PrintWriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    if (!bytes.hasRemaining()) {
      drain(false);
    }
    bytes.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = 0; i < len; i++) {
      write(b[off + i]);
    }
  }

  @Override
  public void flush() {
    drain(false);
    writer.flush();
  }

  @Override
  public void close() {
    drain(true);
    writer.flush();
  }

  private void drain(boolean end) {
    bytes.flip();
    decoder.decode(bytes, chars, end);
    chars.flip();
    writer.append(chars);
    chars.clear();
    bytes.compact();
  }
}
