package org.harmattan.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in the test's JVM, with what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {

  /** Runs {@code harmattan args…} through {@link Main#run} and captures both streams. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
