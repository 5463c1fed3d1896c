package org.harmattan.ingest.acled.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcledCredentialsTest {
  private static final String USER = "analyst@example.org";
  private static final String SECRET = "s3cret-Passw0rd";

  @TempDir Path dir;

  private Path file(String text, String permissions) throws IOException {
    assumeThat(Files.getFileAttributeView(dir, PosixFileAttributeView.class))
        .as("a file system with POSIX permissions")
        .isNotNull();
    Path f = dir.resolve("acled.properties");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
    return f;
  }

  @Test
  void aPrivateFileIsReadAndNeverShown() throws IOException {
    Path f = file("# ACLED\nusername = " + USER + "\npassword=" + SECRET + "\n", "rw-------");
    AcledCredentials c = AcledCredentials.readFile(f);
    assertThat(c.username()).isEqualTo(USER);
    assertThat(c.password()).isEqualTo(SECRET);
    assertThat(c.origin()).isEqualTo("the file " + f);
    assertThat(c.toString())
        .isEqualTo("AcledCredentials[from the file " + f + "]")
        .doesNotContain(USER)
        .doesNotContain(SECRET);
  }

  @Test
  void yamlStyleLinesReadTheSame() throws IOException {
    Path f = file("username: " + USER + "\npassword: " + SECRET + "\n", "r--------");
    AcledCredentials c = AcledCredentials.readFile(f);
    assertThat(c.username()).isEqualTo(USER);
    assertThat(c.password()).isEqualTo(SECRET);
  }

  @Test
  void aFileOthersCanReadIsRefusedNamingTheFileAndChmod() throws IOException {
    Path f = file("username=" + USER + "\npassword=" + SECRET + "\n", "rw-r--r--");
    assertThatThrownBy(() -> AcledCredentials.readFile(f))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            f
                + " can be read or changed by others (permissions rw-r--r--); a file with ACLED"
                + " credentials must be private to its owner: run chmod 600 "
                + f)
        .satisfies(
            e -> {
              HarmattanException h = (HarmattanException) e;
              assertThat(h.problemCode()).isEqualTo(ProblemCode.CREDENTIALS_FILE);
              assertThat(h.category()).isEqualTo(ErrorCategory.USER_INPUT);
            });
  }

  @Test
  void aFileItsGroupCanWriteIsRefusedToo() throws IOException {
    Path f = file("username=" + USER + "\npassword=" + SECRET + "\n", "rw--w----");
    assertThatThrownBy(() -> AcledCredentials.readFile(f))
        .hasMessageContaining("(permissions rw--w----)")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aFileWithoutAPasswordSaysWhichLineIsMissingAndNotTheUsername() throws IOException {
    Path f = file("username=" + USER + "\n", "rw-------");
    assertThatThrownBy(() -> AcledCredentials.readFile(f))
        .hasMessage(f + " has no password= line with a value")
        .hasMessageNotContaining(USER);
  }

  @Test
  void aMissingFileIsNamed() {
    Path f = dir.resolve("nothing-here");
    assertThatThrownBy(() -> AcledCredentials.readFile(f))
        .hasMessage(f + ": no such file; write username= and password= lines to it");
  }

  @Test
  void theEnvironmentComesFirst() throws IOException {
    Path f = file("username=other@example.org\npassword=other\n", "rw-------");
    AcledCredentials c =
        AcledCredentials.resolve(
            Map.of(
                AcledCredentials.USERNAME_VARIABLE,
                USER,
                AcledCredentials.PASSWORD_VARIABLE,
                SECRET),
            f);
    assertThat(c.username()).isEqualTo(USER);
    assertThat(c.origin()).isEqualTo("the environment (ACLED_USERNAME, ACLED_PASSWORD)");
    assertThat(AcledCredentials.resolve(Map.of(), f).username()).isEqualTo("other@example.org");
  }

  @Test
  void halfAnEnvironmentIsAnErrorWithoutTheValue() {
    assertThatThrownBy(
            () ->
                AcledCredentials.findInEnvironment(
                    Map.of(AcledCredentials.PASSWORD_VARIABLE, SECRET)))
        .hasMessage(
            "ACLED_PASSWORD is set but ACLED_USERNAME is not; set both, or neither and use a"
                + " credentials file")
        .hasMessageNotContaining(SECRET);
    assertThat(AcledCredentials.findInEnvironment(Map.of("HOME", "/root"))).isEmpty();
  }

  @Test
  void noCredentialsAnywhereSaysWhatToDo() {
    Path f = dir.resolve("acled.properties");
    assertThatThrownBy(() -> AcledCredentials.resolve(Map.of(), f))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            "no ACLED credentials: set ACLED_USERNAME and ACLED_PASSWORD, or write username= and"
                + " password= lines to "
                + f
                + " and run chmod 600 "
                + f)
        .extracting(e -> ((HarmattanException) e).problemCode())
        .isEqualTo(ProblemCode.CREDENTIALS_MISSING);
  }

  @Test
  void givenCredentialsShowOnlyTheirOrigin() {
    AcledCredentials c = AcledCredentials.of(" " + USER + " ", SECRET, "the --acled-user option");
    assertThat(c.username()).isEqualTo(USER);
    assertThat(c).hasToString("AcledCredentials[from the --acled-user option]");
    assertThatThrownBy(() -> AcledCredentials.of(USER, "", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(USER);
  }
}
