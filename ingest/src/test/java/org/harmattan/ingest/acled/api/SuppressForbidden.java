package org.harmattan.ingest.acled.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks test code that may use an API forbiddenapis flags: the JDK's in-process HTTP server ({@code
 * com.sun.net.httpserver}), which the tests use as ACLED's API for the real client.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@interface SuppressForbidden {
  /** Why. */
  String reason();
}
