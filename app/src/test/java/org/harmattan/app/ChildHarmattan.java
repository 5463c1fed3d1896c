package org.harmattan.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code harmattan} run in a process of its own (the test's class path, {@link Main}), as a second
 * user of a store or a process to kill: DuckDB's lock on the store file is per process, and a crash
 * can only be tested on a process that really ends.
 */
final class ChildHarmattan {
  private final Process process;
  private final Path output;

  private ChildHarmattan(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code harmattan args…}; both its streams go to {@code output}. */
  static ChildHarmattan start(Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    return new ChildHarmattan(p, output);
  }

  /** What it printed so far. */
  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /** Waits until it has printed {@code text}; false when it ended first or {@code limit} passed. */
  boolean awaitOutput(String text, Duration limit) throws IOException, InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (output().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return output().contains(text);
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Kills it with SIGKILL (no shutdown hooks, no cleanup) and waits for it to end. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Waits for it to end; its exit code. */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }
}
