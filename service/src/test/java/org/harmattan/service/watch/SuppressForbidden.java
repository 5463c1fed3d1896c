package org.harmattan.service.watch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks test code allowed to use an API that forbiddenapis flags: here the JDK's HTTP server
 * ({@code com.sun.net.httpserver}), which plays a government's travel-advice site.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@interface SuppressForbidden {
  /** Why. */
  String reason();
}
