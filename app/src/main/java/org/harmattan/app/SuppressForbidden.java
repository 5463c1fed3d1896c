package org.harmattan.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that may use an API forbiddenapis flags, saying why: the entry point's use of the
 * console ({@code System.out}, {@code System.err}), and in tests the JDK's in-process HTTP server
 * ({@code com.sun.net.httpserver}), which the tests use as a real server for the real client.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@interface SuppressForbidden {
  /** Why. */
  String reason();
}
