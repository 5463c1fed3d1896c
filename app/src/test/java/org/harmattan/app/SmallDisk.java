package org.harmattan.app;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tmpfs of a chosen size mounted on a test's folder: a real disk that fills up, or that turns
 * read-only (for root too, whom file permissions do not stop). Mounting needs root and a kernel
 * that allows it; where it is refused the calling test is skipped, saying why.
 */
final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code size} (e.g. "1m") on {@code dir}, created if needed. */
  static SmallDisk mount(Path dir, String size) throws IOException {
    Files.createDirectories(dir);
    String refused = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    if (refused != null) {
      abort(
          "a tmpfs cannot be mounted here ("
              + refused
              + "); this test needs root and a system that lets it mount; skipping");
    }
    return new SmallDisk(dir);
  }

  Path path() {
    return mountPoint;
  }

  /** Makes the disk read-only, keeping what it holds. */
  void remountReadOnly() throws IOException {
    String refused = run("mount", "-o", "remount,ro", mountPoint.toString());
    if (refused != null) {
      throw new IllegalStateException("cannot remount " + mountPoint + " read-only: " + refused);
    }
  }

  @Override
  public void close() {
    String refused = run("umount", mountPoint.toString());
    if (refused != null) {
      run("umount", "-l", mountPoint.toString());
    }
  }

  /** Runs a command; null when it succeeded, else what it printed (or why it could not run). */
  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? null : output.strip() + " (exit " + p.exitValue() + ")";
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
