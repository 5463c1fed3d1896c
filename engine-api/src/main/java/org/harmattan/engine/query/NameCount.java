package org.harmattan.engine.query;

/**
 * A raw actor name and how many events name it (in any role).
 *
 * @param name the raw name
 * @param events events naming it
 */
public record NameCount(String name, long events) {}
