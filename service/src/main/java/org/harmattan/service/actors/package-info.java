/** The raw actor names of the store and the registry actors they match, for every front door. */
package org.harmattan.service.actors;
