/**
 * Accounts, passwords and API tokens: issuing, checking and withdrawing them, for every front door.
 */
package org.harmattan.service.accounts;
