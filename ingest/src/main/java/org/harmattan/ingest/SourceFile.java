package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * A file about to be read: its hash, size and the character set its bytes are in.
 *
 * <p>UTF-8 is expected. A file that is not valid UTF-8 but has no NUL bytes is taken to be
 * Windows-1252 (the superset of Latin-1 that spreadsheet exports use) and says so in {@link
 * #encodingNote()}; a file with NUL bytes or a UTF-16 byte-order mark is refused.
 *
 * @param path the path as given
 * @param sha256 SHA-256 of the bytes, lower-case hex
 * @param sizeBytes file size
 * @param charset the character set to decode with
 * @param encodingNote why a charset other than UTF-8 was chosen, if it was
 */
public record SourceFile(
    Path path, String sha256, long sizeBytes, Charset charset, Optional<String> encodingNote) {

  /** Windows-1252 always exists on a JDK; it decodes every byte of a Latin-1 file. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  public SourceFile {
    requireNonNull(path, "path");
    requireNonNull(sha256, "sha256");
    requireNonNull(charset, "charset");
    requireNonNull(encodingNote, "encodingNote");
  }

  /** The file name, used as the dataset name in provenance. */
  public String dataset() {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  /** Reads the file once to hash it and check its encoding. */
  public static SourceFile inspect(Path path) {
    requireRegularFile(path);
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL, ProblemCode.NO_SHA256, "JDK lacks SHA-256", e);
    }
    Utf8Check check = new Utf8Check();
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        check.feed(buffer, n, size == 0);
        size += n;
      }
    } catch (NoSuchFileException e) {
      throw HarmattanException.userInput(ProblemCode.FILE_NOT_FOUND, path + ": no such file");
    } catch (IOException e) {
      throw unreadable(path, e);
    }
    String hex = HexFormat.of().formatHex(digest.digest());
    if (check.utf16Bom) {
      throw HarmattanException.sourceData(
          ProblemCode.UTF16_NOT_SUPPORTED,
          path + " is UTF-16 encoded (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    }
    if (check.nulAt >= 0) {
      throw HarmattanException.sourceData(
          ProblemCode.BINARY_FILE,
          path
              + " is not a text file (a NUL byte at offset "
              + check.nulAt
              + "); expected a CSV or tab-separated text export");
    }
    if (check.firstBadLine > 0) {
      String note =
          "not valid UTF-8 (first invalid byte on line "
              + check.firstBadLine
              + "); decoded as Windows-1252 (Latin-1)";
      return new SourceFile(path, hex, size, WINDOWS_1252, Optional.of(note));
    }
    return new SourceFile(path, hex, size, StandardCharsets.UTF_8, Optional.empty());
  }

  /**
   * Refuses a directory, and what is not a regular file: a pipe or a device ({@code /dev/zero})
   * would be read forever, or block waiting for a writer.
   */
  public static void requireRegularFile(Path path) {
    if (Files.isDirectory(path)) {
      throw HarmattanException.userInput(
          ProblemCode.NOT_A_FILE, path + " is a directory; give the data files inside it");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw HarmattanException.userInput(
          ProblemCode.NOT_A_FILE,
          path
              + " is not a regular file (a device, a pipe or a socket); give a data file saved on"
              + " disk");
    }
  }

  /**
   * The error for a file that cannot be read, in words: what the system said, or for text the
   * character set refused, which character set; never the name of a Java exception.
   */
  public static HarmattanException unreadable(Path path, IOException e) {
    String reason;
    if (e instanceof CharacterCodingException) {
      reason =
          "it holds a byte that is neither UTF-8 nor Windows-1252 (Latin-1) text; expected a UTF-8"
              + " export";
    } else if (e.getMessage() == null || e.getMessage().isBlank()) {
      reason = "an input/output error";
    } else {
      reason = e.getMessage();
    }
    return new HarmattanException(
        ErrorCategory.SOURCE_DATA,
        ProblemCode.UNREADABLE_FILE,
        path + ": cannot be read (" + reason + ")",
        e);
  }

  /** A streaming UTF-8 validator that remembers the first bad line. */
  private static final class Utf8Check {
    private int pending;
    private long line = 1;
    private long offset;
    long firstBadLine = -1;
    long nulAt = -1;
    boolean utf16Bom;

    void feed(byte[] bytes, int length, boolean first) {
      if (first
          && length >= 2
          && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
              || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
        utf16Bom = true;
      }
      for (int i = 0; i < length; i++, offset++) {
        int b = bytes[i] & 0xFF;
        if (b == '\n') {
          line++;
        }
        if (b == 0 && nulAt < 0) {
          nulAt = offset;
        }
        if (pending > 0) {
          if ((b & 0xC0) == 0x80) {
            pending--;
            continue;
          }
          bad();
          pending = 0;
        }
        if (b < 0x80) {
          continue;
        }
        if (b >= 0xC2 && b <= 0xDF) {
          pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
          pending = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
          pending = 3;
        } else {
          bad();
        }
      }
    }

    private void bad() {
      if (firstBadLine < 0) {
        firstBadLine = line;
      }
    }
  }
}
