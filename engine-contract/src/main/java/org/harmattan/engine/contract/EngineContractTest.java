package org.harmattan.engine.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harmattan.engine.Store;
import org.harmattan.engine.Unsupported;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.humanitarian.HumanitarianIngest;
import org.harmattan.ingest.series.SeriesIngest;
import org.harmattan.testsupport.PlainCsv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every engine must show, in the manner of Trino's shared connector tests: an
 * engine's test class extends this one, says how to open its store ({@link #openStore}) and what it
 * does not support ({@link #supports}); every case below then runs against it.
 *
 * <p>Engines are fed real files through the ingest pipeline ({@link EventIngest}, {@link
 * HumanitarianIngest}, {@link SeriesIngest}): the small fixture files in this module's {@code
 * fixtures} folder, each named after the case it holds, and the real ACLED Mali files and VIEWS
 * country-month file of {@code ../shared/data} (skipped when absent). A few cases write hand-made
 * events through the write port instead (the listing set, whose table is in {@code
 * writeListingSet}). Every expected value is worked out by hand from the fixtures and those events
 * (the comments show how) or, for the real files, computed in the test from the raw CSV with {@link
 * PlainCsv}.
 *
 * <p>The cases sit in interfaces by kind ({@link CountContract}, {@link FilterContract}, {@link
 * PointContract}, {@link ListingContract}, {@link RevisionContract}, {@link WithdrawalContract},
 * {@link HumanitarianContract}, {@link SeriesContract}, {@link StatusContract}, {@link
 * RealDataContract}, {@link AlertLogContract}, {@link AccountContract}), over what they share
 * ({@link EngineCase}); this class implements them all, so an engine extends this one class.
 */
public abstract class EngineContractTest
    implements AlertLogContract,
        AccountContract,
        CountContract,
        FilterContract,
        PointContract,
        ListingContract,
        RevisionContract,
        WithdrawalContract,
        HumanitarianContract,
        SeriesContract,
        StatusContract,
        RealDataContract {
  @TempDir Path dir;

  private Store store;

  /**
   * Opens (creating it when needed) the engine's store in {@code folder}, an existing empty folder
   * the first time. Opening the same folder again must give the same store when the engine {@link
   * EngineBehavior#SUPPORTS_PERSISTENCE supports persistence}.
   */
  protected abstract Store openStore(Path folder);

  /**
   * Whether the engine shows {@code behavior}. Every engine supports everything unless it says
   * otherwise here; for what it does not support, the suite checks that it fails with {@link
   * Unsupported}'s error.
   */
  @Override
  public boolean supports(EngineBehavior behavior) {
    return true;
  }

  @BeforeEach
  final void openTheStore() throws IOException {
    Files.createDirectories(storeFolder());
    store = openStore(storeFolder());
  }

  @AfterEach
  final void closeTheStore() {
    if (store != null) {
      store.close();
    }
  }

  private Path storeFolder() {
    return dir.resolve("store");
  }

  @Override
  public final Store store() {
    return store;
  }

  @Override
  public final Path dir() {
    return dir;
  }

  @Override
  public final Store openAnother(Path folder) {
    return openStore(folder);
  }

  @Override
  public final void reopenStore() {
    store.close();
    store = null;
    store = openStore(storeFolder());
  }
}
