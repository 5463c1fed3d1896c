package org.harmattan.testsupport.acled;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code allowed to use an API that forbiddenapis flags: here the JDK's HTTP server ({@code
 * com.sun.net.httpserver}), which the tests use as ACLED's API for the real client.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@interface SuppressForbidden {
  /** Why. */
  String reason();
}
