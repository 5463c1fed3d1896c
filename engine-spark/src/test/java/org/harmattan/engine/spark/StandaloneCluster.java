package org.harmattan.engine.spark;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on loopback, started from the Spark jars of the test's class path: a
 * master and workers in processes of their own, as {@code sbin/start-master.sh} and {@code
 * start-worker.sh} start them, with a Spark home made of links to those jars (the workers build
 * their executors' class path from its {@code jars} folder).
 */
final class StandaloneCluster implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final Path logs;
  private String master;
  private int uiPort;

  private StandaloneCluster(Path logs) {
    this.logs = logs;
  }

  /** The master's address, {@code spark://127.0.0.1:PORT}. */
  String master() {
    return master;
  }

  /** Starts a master and {@code workers} workers of one core each; returns once all registered. */
  static StandaloneCluster start(Path dir, int workers) throws IOException, InterruptedException {
    Path home = dir.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      Path p = Path.of(entry);
      String name = p.getFileName().toString();
      if (name.endsWith(".jar") && !name.startsWith("harmattan")) {
        Path link = jars.resolve(name);
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, p.toAbsolutePath());
        }
      }
    }
    // Logs and the executors' folders stay in target/ after the test, to read when it fails.
    Path kept = Files.createDirectories(Path.of("target", "spark-cluster"));
    StandaloneCluster cluster = new StandaloneCluster(kept);
    try {
      int port = freePort();
      cluster.uiPort = freePort();
      cluster.master = "spark://127.0.0.1:" + port;
      cluster.launch(
          home,
          "master",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          Integer.toString(port),
          "--webui-port",
          Integer.toString(cluster.uiPort));
      cluster.awaitPort(port);
      for (int i = 1; i <= workers; i++) {
        cluster.launch(
            home,
            "worker-" + i,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--webui-port",
            Integer.toString(freePort()),
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            Files.createDirectories(kept.resolve("work-" + i)).toAbsolutePath().toString(),
            cluster.master);
      }
      cluster.awaitWorkers(workers);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void launch(Path home, String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // The module options this JVM was given for Spark (surefire's argLine).
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("--add-opens")
          || option.startsWith("--add-modules")
          || option.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || option.startsWith("-Dio.netty")) {
        command.add(option);
      }
    }
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(home.resolve("jars") + File.separator + "*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // A Spark distribution says its Scala version in its launcher; this home is only jars.
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.redirectErrorStream(true);
    pb.redirectOutput(logs.resolve(name + ".log").toFile());
    processes.add(pb.start());
  }

  private void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
        if (s.isConnected()) {
          return;
        }
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the master did not open port " + port + "; see " + logs);
  }

  /** Waits until the master's status page counts {@code n} alive workers. */
  private void awaitWorkers(int n) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = alive.matcher(last);
        if (m.find() && Integer.parseInt(m.group(1)) >= n) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(
        n + " workers did not register with the master; last status: " + last + "; see " + logs);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Stops the workers, then the master, and waits for them to end. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
