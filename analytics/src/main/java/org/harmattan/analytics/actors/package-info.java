/**
 * The actor registry: canonical actors (JNIM, Islamic State Sahel, Malian state forces …) and the
 * rules that map the sources' raw actor names onto them. Entry point: {@link
 * org.harmattan.analytics.actors.ActorRegistry}, over the actors that {@link
 * org.harmattan.reference.actors.ActorRegistryFiles} reads from the shipped {@code
 * sahel-actors.yaml} and user files. Uses the domain and the reference readers; no engine, no I/O.
 */
package org.harmattan.analytics.actors;
