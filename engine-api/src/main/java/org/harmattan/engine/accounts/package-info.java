/**
 * The accounts port: users, their roles and their API tokens, kept in the store beside the events.
 * The store keeps only slow salted hashes of passwords and tokens; hashing is the caller's.
 */
package org.harmattan.engine.accounts;
