/** Travel advice read from snapshot files, in the shape every front door prints or serves. */
package org.harmattan.service.advisories;
