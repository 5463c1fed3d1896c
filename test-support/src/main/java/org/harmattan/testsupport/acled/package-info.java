/**
 * ACLED's live API played in the test's JVM ({@link org.harmattan.testsupport.acled.FakeAcledApi}),
 * for the tests of the API client and of the syncs built on it. Test scope only; depends on Jackson
 * and the JDK's HTTP server, nothing of Harmattan.
 */
package org.harmattan.testsupport.acled;
