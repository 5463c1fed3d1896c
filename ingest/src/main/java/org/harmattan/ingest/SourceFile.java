package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * A file about to be read: its hash and size.
 *
 * <p>Text is expected as UTF-8; the readers decode each line on its own ({@link TextLines}), so a
 * Windows-1252 line leaves the others intact. A file with NUL bytes or a UTF-16 byte-order mark is
 * refused here, before any reader starts.
 *
 * @param path where the bytes are read from
 * @param sha256 SHA-256 of the bytes, lower-case hex
 * @param sizeBytes file size
 * @param shownAs the file as the user named it, in messages, rows and provenance: {@code path},
 *     except for a copy the store kept, read again from a temporary file
 */
public record SourceFile(Path path, String sha256, long sizeBytes, Path shownAs) {

  public SourceFile {
    requireNonNull(path, "path");
    requireNonNull(sha256, "sha256");
    requireNonNull(shownAs, "shownAs");
  }

  /** A file read where the user named it. */
  public SourceFile(Path path, String sha256, long sizeBytes) {
    this(path, sha256, sizeBytes, path);
  }

  /** The file name, used as the dataset name in provenance. */
  public String dataset() {
    Path name = shownAs.getFileName();
    return name == null ? shownAs.toString() : name.toString();
  }

  /** Reads the file once to hash it and check that it is text (no NUL byte, not UTF-16). */
  public static SourceFile inspect(Path path) {
    requireRegularFile(path);
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL, ProblemCode.NO_SHA256, "JDK lacks SHA-256", e);
    }
    TextCheck check = new TextCheck();
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
    return new SourceFile(path, hex, size);
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

  /** What is checked while the file is hashed: a UTF-16 byte-order mark, the first NUL byte. */
  private static final class TextCheck {
    private long offset;
    long nulAt = -1;
    boolean utf16Bom;

    void feed(byte[] bytes, int length, boolean first) {
      if (first
          && length >= 2
          && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
              || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
        utf16Bom = true;
      }
      if (nulAt < 0) {
        for (int i = 0; i < length; i++) {
          if (bytes[i] == 0) {
            nulAt = offset + i;
            break;
          }
        }
      }
      offset += length;
    }
  }
}
