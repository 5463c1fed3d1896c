/**
 * Reading the actor registry: the shipped {@code sahel-actors.yaml} and user files in the same YAML
 * format, into the domain's canonical actors, with every problem reported at once by file, line and
 * entry. Entry point: {@link org.harmattan.reference.actors.ActorRegistryFiles}. Matching raw names
 * onto the actors is computed in {@code analytics.actors}. Depends on the domain and Jackson.
 */
package org.harmattan.reference.actors;
