/**
 * The in-memory reference engine: every port of the engine API written as plainly as possible
 * (loops and maps over a list of events), applying the engine-neutral rules of {@code
 * engine.write.Revisions}. Entry point: {@link org.harmattan.engine.memory.InMemoryStore}. It is
 * the reference other engines are held to by the contract suite, and what tests feed hand-made
 * events to; it is not fast. Depends on the domain and the engine API only.
 */
package org.harmattan.engine.memory;
