package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The physical lines of a text file, each decoded on its own: as UTF-8 when its bytes are valid
 * UTF-8, else as Windows-1252 (the superset of Latin-1 that spreadsheet exports use). One Latin-1
 * line thus leaves the UTF-8 lines of the file intact. A line with a byte that neither defines is
 * not replaced silently: it says which byte and where ({@link Line#badByteOffset()}), and its text
 * shows that byte as the Latin-1 character of the same number, so the raw line stays recoverable.
 *
 * <p>Lines end at LF, CRLF or a lone CR, as {@link java.io.BufferedReader#readLine()} and FastCSV
 * count them; a UTF-8 byte-order mark at the start of the file is skipped. A line longer than
 * {@link #MAX_LINE_BYTES} keeps only its first bytes, so that memory stays bounded whatever the
 * file.
 */
public final class TextLines implements Closeable {
  /** The most bytes of one line kept: FastCSV's default limit for a field, 16 MiB. */
  public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  /** Windows-1252 always exists on a JDK; it decodes every byte of a Latin-1 file. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final long PROGRESS_STEP_BYTES = 1 << 20;

  /** Windows-1252 as a table: the bytes it leaves undefined map to the Latin-1 character. */
  private static final char[] WINDOWS_1252_CHARS = windows1252Table();

  /** How a line's bytes were decoded. */
  public enum Decoding {
    UTF_8,
    WINDOWS_1252,
    /** A byte is neither UTF-8 nor Windows-1252; see {@link Line#badByteOffset()}. */
    UNDECODABLE
  }

  /**
   * One physical line.
   *
   * @param number 1-based line number
   * @param byteOffset the offset in the file of the line's first byte
   * @param text the decoded text without its line terminator (cut short when {@link #tooLong()})
   * @param terminator the line's end as it was: "\n", "\r\n", "\r", or "" at the end of the file
   * @param decoding how the text was decoded
   * @param badByteOffset for an undecodable line, the file offset of the first byte that neither
   *     UTF-8 nor Windows-1252 defines; -1 otherwise
   * @param badCharIndex for an undecodable line, the index in {@code text} of that byte; -1
   *     otherwise
   * @param lengthBytes the line's length in bytes, terminator excluded
   */
  public record Line(
      long number,
      long byteOffset,
      String text,
      String terminator,
      Decoding decoding,
      long badByteOffset,
      int badCharIndex,
      long lengthBytes) {
    public Line {
      requireNonNull(text, "text");
      requireNonNull(terminator, "terminator");
      requireNonNull(decoding, "decoding");
    }

    /** Whether the line is longer than {@link #MAX_LINE_BYTES}, its text cut short. */
    public boolean tooLong() {
      return lengthBytes > MAX_LINE_BYTES;
    }

    /** Why a line is {@link #tooLong()}, for messages. */
    public String tooLongMessage() {
      return "line "
          + number
          + " is "
          + lengthBytes
          + " bytes long, more than the "
          + MAX_LINE_BYTES
          + " bytes (16 MiB) a line may hold";
    }

    /** The undecodable byte, as {@code 0x81}, for messages. */
    public String badByteHex() {
      return badCharIndex < 0
          ? ""
          : String.format(Locale.ROOT, "0x%02X", (int) text.charAt(badCharIndex));
    }

    /**
     * Why the line cannot be decoded, for messages: which byte, its file offset and what was
     * expected.
     */
    public String undecodableMessage() {
      return "byte "
          + badByteHex()
          + " at byte offset "
          + badByteOffset
          + " is neither UTF-8 nor Windows-1252 (Latin-1) text (expected a UTF-8 export)";
    }
  }

  private final InputStream in;
  private final LongConsumer progress;
  private final byte[] buffer = new byte[1 << 16];
  private int bufferPos;
  private int bufferLimit;
  private long offset;
  private long reported;
  private byte[] line = new byte[256];
  private long number;
  private boolean skipLf;
  private boolean started;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private TextLines(InputStream in, LongConsumer progress) {
    this.in = in;
    this.progress = progress;
  }

  /** Opens {@code path} for reading its lines. */
  public static TextLines open(Path path) throws IOException {
    return open(path, bytes -> {});
  }

  /**
   * Opens {@code path} for reading its lines.
   *
   * @param progress receives the number of bytes read so far, now and then
   */
  public static TextLines open(Path path, LongConsumer progress) throws IOException {
    return new TextLines(Files.newInputStream(path), requireNonNull(progress, "progress"));
  }

  /**
   * Opens the byte range [{@code from}, {@code to}) of {@code path}, a range of whole lines whose
   * first is line {@code firstLine} of the file: lines are numbered and their offsets counted as a
   * reading of the whole file gives them (the byte-order mark is looked for at offset 0 only).
   */
  public static TextLines openRange(Path path, long from, long to, long firstLine)
      throws IOException {
    if (from < 0 || to < from || firstLine < 1) {
      throw new IllegalArgumentException(
          "bad range " + from + ".." + to + " from line " + firstLine);
    }
    TextLines lines = new TextLines(range(path, from, to), b -> {});
    lines.offset = from;
    lines.reported = from;
    lines.number = firstLine - 1;
    lines.started = from != 0;
    return lines;
  }

  /**
   * How many lines begin in the byte range [{@code from}, {@code to}) of {@code path}, a range that
   * starts at 0 or just after a line feed: as many as {@link #next} returns there (a line ends at
   * LF, CRLF or a lone CR; a last line without an end counts when it holds a byte).
   */
  public static long countLines(Path path, long from, long to) throws IOException {
    long count = 0;
    long pending = 0;
    boolean afterCr = false;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = range(path, from, to)) {
      long position = from;
      int n;
      while ((n = in.read(buf, 0, buf.length)) > 0) {
        int i = 0;
        if (position == 0
            && n >= 3
            && buf[0] == (byte) 0xEF
            && buf[1] == (byte) 0xBB
            && buf[2] == (byte) 0xBF) {
          i = 3;
        }
        for (; i < n; i++) {
          byte b = buf[i];
          if (afterCr) {
            afterCr = false;
            if (b == '\n') {
              continue;
            }
          }
          if (b == '\n' || b == '\r') {
            count++;
            pending = 0;
            afterCr = b == '\r';
          } else {
            pending++;
          }
        }
        position += n;
      }
    }
    return pending > 0 ? count + 1 : count;
  }

  /** The bytes [{@code from}, {@code to}) of {@code path}. */
  private static InputStream range(Path path, long from, long to) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    channel.position(from);
    return new Limited(Channels.newInputStream(channel), to - from);
  }

  /** At most {@code limit} bytes of a stream. */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** The next line, or null at the end of the file. */
  public Line next() throws IOException {
    if (!started) {
      started = true;
      skipBom();
    }
    long start = offset;
    long length = 0;
    int kept = 0;
    String terminator = "";
    while (true) {
      if (bufferPos == bufferLimit && !fill()) {
        if (length == 0) {
          return null;
        }
        break;
      }
      if (skipLf) {
        skipLf = false;
        if (buffer[bufferPos] == '\n') {
          bufferPos++;
          offset++;
          start++;
          continue;
        }
      }
      // The bytes up to the line's end in the buffer, found first and copied at once.
      int end = bufferPos;
      while (end < bufferLimit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      int n = end - bufferPos;
      int copy = Math.min(n, MAX_LINE_BYTES - kept);
      if (copy > 0) {
        if (kept + copy > line.length) {
          line =
              Arrays.copyOf(
                  line, (int) Math.min(MAX_LINE_BYTES, Math.max(2L * line.length, kept + copy)));
        }
        System.arraycopy(buffer, bufferPos, line, kept, copy);
        kept += copy;
      }
      length += n;
      offset += n;
      bufferPos = end;
      if (end < bufferLimit) {
        byte b = buffer[bufferPos++];
        offset++;
        if (b == '\n') {
          terminator = "\n";
        } else {
          // A CRLF is one line end; whether an LF follows is seen with the next byte.
          skipLf = true;
          terminator = "\r\n";
        }
        break;
      }
    }
    if (terminator.equals("\r\n") && !nextIsLf()) {
      terminator = "\r";
    }
    number++;
    return decode(start, kept, terminator, length);
  }

  /** Whether the byte after a CR is an LF (read now so that the line's terminator is exact). */
  private boolean nextIsLf() throws IOException {
    if (bufferPos == bufferLimit && !fill()) {
      skipLf = false;
      return false;
    }
    return buffer[bufferPos] == '\n';
  }

  private Line decode(long start, int kept, String terminator, long length) {
    boolean ascii = true;
    for (int i = 0; i < kept; i++) {
      if (line[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new Line(
          number,
          start,
          new String(line, 0, kept, StandardCharsets.ISO_8859_1),
          terminator,
          Decoding.UTF_8,
          -1,
          -1,
          length);
    }
    try {
      CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(line, 0, kept));
      return new Line(number, start, chars.toString(), terminator, Decoding.UTF_8, -1, -1, length);
    } catch (CharacterCodingException e) {
      // A line cut at MAX_LINE_BYTES may end inside a UTF-8 sequence: retry without its tail.
      if (kept == MAX_LINE_BYTES) {
        for (int cut = 1; cut <= 3; cut++) {
          try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(line, 0, kept - cut));
            return new Line(
                number, start, chars.toString(), terminator, Decoding.UTF_8, -1, -1, length);
          } catch (CharacterCodingException again) {
            // try a shorter cut
          }
        }
      }
    }
    char[] chars = new char[kept];
    int bad = -1;
    for (int i = 0; i < kept; i++) {
      int b = line[i] & 0xFF;
      chars[i] = WINDOWS_1252_CHARS[b];
      if (bad < 0 && isUndefinedInWindows1252(b)) {
        bad = i;
      }
    }
    String text = new String(chars);
    if (bad >= 0) {
      return new Line(
          number, start, text, terminator, Decoding.UNDECODABLE, start + bad, bad, length);
    }
    return new Line(number, start, text, terminator, Decoding.WINDOWS_1252, -1, -1, length);
  }

  private static boolean isUndefinedInWindows1252(int b) {
    return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
  }

  private static char[] windows1252Table() {
    Charset cp1252 = WINDOWS_1252;
    char[] table = new char[256];
    for (int b = 0; b < 256; b++) {
      table[b] =
          isUndefinedInWindows1252(b)
              ? (char) b
              : new String(new byte[] {(byte) b}, cp1252).charAt(0);
    }
    return table;
  }

  private void skipBom() throws IOException {
    if (bufferPos == bufferLimit) {
      fill();
    }
    while (bufferLimit - bufferPos < 3) {
      int n = in.read(buffer, bufferLimit, buffer.length - bufferLimit);
      if (n <= 0) {
        break;
      }
      bufferLimit += n;
    }
    if (bufferLimit - bufferPos >= 3
        && buffer[bufferPos] == (byte) 0xEF
        && buffer[bufferPos + 1] == (byte) 0xBB
        && buffer[bufferPos + 2] == (byte) 0xBF) {
      bufferPos += 3;
      offset += 3;
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      bufferPos = 0;
      bufferLimit = 0;
      return false;
    }
    bufferPos = 0;
    bufferLimit = n;
    if (offset + n - reported >= PROGRESS_STEP_BYTES) {
      reported = offset + n;
      progress.accept(reported);
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
