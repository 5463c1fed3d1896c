/**
 * ACLED for tests: its live API played in the test's JVM ({@link
 * org.harmattan.testsupport.acled.FakeAcledApi}), for the tests of the API client and of the syncs
 * built on it, and its export format ({@link org.harmattan.testsupport.acled.AcledCsv}) for tests
 * that write small files of hand-made events. Test scope only; depends on Jackson and the JDK's
 * HTTP server, nothing of Harmattan.
 */
package org.harmattan.testsupport.acled;
