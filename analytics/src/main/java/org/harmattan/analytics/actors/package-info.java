/**
 * The actor registry: canonical actors (JNIM, Islamic State Sahel, Malian state forces …) and the
 * rules that map the sources' raw actor names onto them. Entry point: {@link
 * org.harmattan.analytics.actors.ActorRegistry}, loaded from the shipped {@code sahel-actors.yaml}
 * plus user files in the same format. Uses the domain and Jackson only; no engine, no I/O beyond
 * reading registry files.
 */
package org.harmattan.analytics.actors;
