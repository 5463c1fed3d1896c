package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The username (the e-mail address of the myACLED account) and password that obtain ACLED's API
 * tokens, and where they came from.
 *
 * <p>They come from the environment ({@value #USERNAME_VARIABLE} and {@value #PASSWORD_VARIABLE})
 * or from a file in the Java properties format with a {@code username} and a {@code password} line
 * ({@code username=analyst@example.org}; {@code username: …} reads the same, without quotes). The
 * file must be readable by its owner only: on a file system with POSIX permissions a file open to
 * its group or to others is refused, naming the file and {@code chmod 600}; elsewhere (Windows) the
 * check cannot be made and the file is read.
 *
 * <p>Neither value is ever part of {@link #toString()}, of an exception's message or of a file
 * Harmattan writes: only {@link #origin()} is shown. The values are readable inside this package
 * only, by the client that sends them.
 */
public final class AcledCredentials {
  /** The environment variable with the username. */
  public static final String USERNAME_VARIABLE = "ACLED_USERNAME";

  /** The environment variable with the password. */
  public static final String PASSWORD_VARIABLE = "ACLED_PASSWORD";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private final String username;
  private final String password;
  private final String origin;

  private AcledCredentials(String username, String password, String origin) {
    this.username = username;
    this.password = password;
    this.origin = origin;
  }

  /**
   * Credentials a caller holds already.
   *
   * @param origin where they came from, for messages: {@code "the --acled-user option"}
   */
  public static AcledCredentials of(String username, String password, String origin) {
    requireNonNull(username, "username");
    requireNonNull(password, "password");
    requireNonNull(origin, "origin");
    if (username.isBlank() || password.isEmpty()) {
      throw new IllegalArgumentException("an empty ACLED username or password from " + origin);
    }
    return new AcledCredentials(username.strip(), password, origin);
  }

  /**
   * The credentials of the environment's {@value #USERNAME_VARIABLE} and {@value
   * #PASSWORD_VARIABLE}; empty when neither is set.
   *
   * @throws HarmattanException when only one of the two is set
   */
  public static Optional<AcledCredentials> findInEnvironment(Map<String, String> environment) {
    requireNonNull(environment, "environment");
    String user = blankToNull(environment.get(USERNAME_VARIABLE));
    String pass = emptyToNull(environment.get(PASSWORD_VARIABLE));
    if (user == null && pass == null) {
      return Optional.empty();
    }
    if (user == null || pass == null) {
      String missing = user == null ? USERNAME_VARIABLE : PASSWORD_VARIABLE;
      String set = user == null ? PASSWORD_VARIABLE : USERNAME_VARIABLE;
      throw HarmattanException.userInput(
          ProblemCode.CREDENTIALS_MISSING,
          set
              + " is set but "
              + missing
              + " is not; set both, or neither and use a credentials file");
    }
    return Optional.of(
        new AcledCredentials(
            user, pass, "the environment (" + USERNAME_VARIABLE + ", " + PASSWORD_VARIABLE + ")"));
  }

  /**
   * The credentials of a properties file that only its owner can read.
   *
   * @throws HarmattanException when the file is missing, open to others, unreadable or lacks a
   *     value
   */
  public static AcledCredentials readFile(Path file) {
    requireNonNull(file, "file");
    checkPrivate(file);
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      throw fileProblem(file + ": no such file; write username= and password= lines to it");
    } catch (IOException | IllegalArgumentException e) {
      // The parser's message may quote the line it failed on: it is not repeated here.
      throw fileProblem(
          file
              + " cannot be read as a properties file (expected username= and password= lines): "
              + e.getClass().getSimpleName());
    }
    String user = blankToNull(p.getProperty("username"));
    String pass = emptyToNull(p.getProperty("password"));
    if (user == null || pass == null) {
      throw fileProblem(
          file + " has no " + (user == null ? "username" : "password") + "= line with a value");
    }
    return new AcledCredentials(user, pass, "the file " + file);
  }

  /**
   * The environment's credentials if set, else those of {@code file} if it exists.
   *
   * @throws HarmattanException when neither gives credentials, or the file is refused
   */
  public static AcledCredentials resolve(Map<String, String> environment, Path file) {
    requireNonNull(file, "file");
    Optional<AcledCredentials> env = findInEnvironment(environment);
    if (env.isPresent()) {
      return env.get();
    }
    if (!Files.exists(file)) {
      throw HarmattanException.userInput(
          ProblemCode.CREDENTIALS_MISSING,
          "no ACLED credentials: set "
              + USERNAME_VARIABLE
              + " and "
              + PASSWORD_VARIABLE
              + ", or write username= and password= lines to "
              + file
              + " and run chmod 600 "
              + file);
    }
    return readFile(file);
  }

  /** Where the credentials came from: {@code "the file /home/a/.config/harmattan/acled"}. */
  public String origin() {
    return origin;
  }

  String username() {
    return username;
  }

  String password() {
    return password;
  }

  @Override
  public String toString() {
    return "AcledCredentials[from " + origin + "]";
  }

  private static void checkPrivate(Path file) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null || !Files.exists(file)) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw fileProblem(file + ": cannot read its permissions (" + e.getMessage() + ")");
    }
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw fileProblem(
          file
              + " can be read or changed by others (permissions "
              + PosixFilePermissions.toString(permissions)
              + "); a file with ACLED credentials must be private to its owner: run chmod 600 "
              + file);
    }
  }

  private static HarmattanException fileProblem(String message) {
    return new HarmattanException(ErrorCategory.USER_INPUT, ProblemCode.CREDENTIALS_FILE, message);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
