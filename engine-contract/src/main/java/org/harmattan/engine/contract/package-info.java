/**
 * The engine contract suite: the behaviour every engine behind the engine API must show, as one
 * abstract JUnit class ({@link org.harmattan.engine.contract.EngineContractTest}) that each
 * engine's tests extend, with the fixture files it feeds them through the real ingest pipeline. Its
 * cases sit in interfaces by kind (counts, filters, points, listings, revisions, withdrawals,
 * humanitarian data, series, status, real data, alerts, accounts), each a {@code *Contract} with
 * default test methods over what they share ({@code EngineCase}: the store, the fixtures and their
 * ingest); the class implements them all and opens and closes the store around each case. An engine
 * declares what it does not support ({@link org.harmattan.engine.contract.EngineBehavior}) and the
 * suite proves that it refuses it with a clear error. Test code: production code never depends on
 * it.
 */
package org.harmattan.engine.contract;
