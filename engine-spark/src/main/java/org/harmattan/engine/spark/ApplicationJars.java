package org.harmattan.engine.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Harmattan's own code as a cluster's executors get it: the jars of this JVM's class path that hold
 * it (the main jar and the Spark engine's, named {@code harmattan*.jar}), and the class folders of
 * a build, packed into a jar once. Executors run Harmattan's code when they read a file in pieces
 * ({@link SparkSplitWrite}); the workers of a Spark installation have Spark's jars only.
 */
final class ApplicationJars {
  private static final Map<Path, Path> PACKED = new HashMap<>();

  private ApplicationJars() {}

  /** The jars to ship, as paths, from the class path {@code classPath}. */
  static synchronized List<String> of(String classPath) {
    List<String> jars = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator, -1)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path p = Path.of(entry).toAbsolutePath();
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (Files.isRegularFile(p) && name.startsWith("harmattan") && name.endsWith(".jar")) {
        jars.add(p.toString());
      } else if (Files.isDirectory(p.resolve("org").resolve("harmattan"))) {
        jars.add(PACKED.computeIfAbsent(p, ApplicationJars::pack).toString());
      }
    }
    return jars;
  }

  /** A class folder packed into a temporary jar, removed when the JVM ends. */
  private static Path pack(Path folder) {
    try {
      Path jar = Files.createTempFile("harmattan-classes-", ".jar");
      jar.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream zip = new JarOutputStream(out);
          Stream<Path> files = Files.walk(folder)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          zip.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
          Files.copy(f, zip);
          zip.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("packing the classes of " + folder + " for the executors", e);
    }
  }
}
