package org.harmattan.analytics.places;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Passes characters through to a CSV parser while keeping the lines it has read and not yet
 * released, so that a bad record can be quarantined verbatim: FastCSV gives a record's fields and
 * starting line, not its raw text. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as
 * FastCSV counts them. Closing it leaves the underlying reader open. Memory stays bounded by the
 * parser's read-ahead plus the current record.
 */
final class KeptLinesReader extends FilterReader {
  /** Complete lines with their terminators, the first being line {@link #firstLine}. */
  private final ArrayDeque<String> lines = new ArrayDeque<>();

  /** The line being read, after the complete ones. */
  private final StringBuilder current = new StringBuilder();

  private long firstLine = 1;
  private boolean pendingCr;

  KeptLinesReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      accept((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = 0; i < n; i++) {
      accept(buf[off + i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped characters must still be kept: read them through.
    char[] buf = new char[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  /** Leaves the underlying reader open: whoever opened it closes it. */
  @Override
  public void close() {}

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void mark(int readAheadLimit) throws IOException {
    throw new IOException("mark not supported");
  }

  @Override
  public void reset() throws IOException {
    throw new IOException("reset not supported");
  }

  private void accept(char c) {
    if (pendingCr) {
      pendingCr = false;
      if (c == '\n') {
        current.append(c);
        endLine();
        return;
      }
      endLine();
    }
    current.append(c);
    if (c == '\n') {
      endLine();
    } else if (c == '\r') {
      pendingCr = true;
    }
  }

  private void endLine() {
    lines.addLast(current.toString());
    current.setLength(0);
  }

  /**
   * The text of lines {@code first} to {@code last} (1-based, inclusive; {@code last} may lie past
   * what was read) as read so far, without the final line terminator; line breaks inside stay as
   * they were. Lines already released are missing.
   */
  String text(long first, long last) {
    StringBuilder sb = new StringBuilder();
    long n = firstLine;
    for (String line : lines) {
      if (n > last) {
        break;
      }
      if (n >= first) {
        sb.append(line);
      }
      n++;
    }
    if (n >= first && n <= last) {
      sb.append(current);
    }
    int end = sb.length();
    if (end > 0 && sb.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > 0 && sb.charAt(end - 1) == '\r') {
      end--;
    }
    return sb.substring(0, end);
  }

  /** Forgets the lines before {@code line}: their records have been handled. */
  void release(long line) {
    while (firstLine < line && !lines.isEmpty()) {
      lines.removeFirst();
      firstLine++;
    }
  }
}
