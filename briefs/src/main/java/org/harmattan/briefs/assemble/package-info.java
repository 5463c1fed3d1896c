/**
 * Turns computed figures into a {@link org.harmattan.briefs.model.Brief}: sections written as an
 * analyst would write them, with the phrasing for rises, falls, no change and too little data
 * chosen from the figures. Entry point: {@link org.harmattan.briefs.assemble.BriefBuilder}. Never
 * formats a number: it places figure references.
 */
package org.harmattan.briefs.assemble;
