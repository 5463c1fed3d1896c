package org.harmattan.service.sync;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.acled.api.AcledApiClient;
import org.harmattan.ingest.acled.api.AcledDeletion;
import org.harmattan.ingest.acled.api.AcledQuery;
import org.harmattan.ingest.acled.api.AcledReadResult;
import org.harmattan.service.StoreWork;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;

/**
 * A sync of ACLED's live API into a store, incremental and idempotent.
 *
 * <p><b>Events.</b> For each country, the store's latest ACLED {@code timestamp} (the time of an
 * event's last change) is where the sync resumes: it asks only for events changed after it, less
 * {@link #OVERLAP}, since paging over data that changes while it is read can miss a row that moves
 * to an earlier page; rows read twice are unchanged for the store. A country the store holds no
 * ACLED event of is read in full from {@code from}. The rows are written as a file in ACLED's
 * export layout in the sync folder and ingested as any export is (quarantine, revisions,
 * provenance), so that every figure drawn from them cites that file and its SHA-256.
 *
 * <p><b>Withdrawals.</b> The deleted endpoint is read from the latest withdrawal the store has on
 * record (less the overlap), or from the start when it has none, and every withdrawal is applied
 * (whatever the country: one of a country synced later must keep the event out as well). An event
 * ACLED withdrew leaves the store's current view and stays in history with the reason.
 */
public final class AcledSync {
  /** How far before the store's latest change a sync reads again. */
  public static final Duration OVERLAP = Duration.ofDays(1);

  /** ACLED's first year, where a country never synced starts by default. */
  public static final LocalDate ACLED_START = LocalDate.of(1997, 1, 1);

  private AcledSync() {}

  /**
   * The credentials file read when ACLED_USERNAME and ACLED_PASSWORD are not set: {@code
   * ~/.harmattan/acled.properties}, beside the default store, readable by its owner only.
   */
  public static Path defaultCredentialsFile() {
    return Path.of(System.getProperty("user.home"), ".harmattan", "acled.properties");
  }

  /**
   * What a sync read and stored for one country.
   *
   * @param iso3 the country
   * @param changedAfter the change time the read asked from, or empty for a full read
   * @param read what the API gave
   * @param ingest what the store made of it, or empty when the API gave no row
   */
  public record CountryResult(
      String iso3,
      Optional<Instant> changedAfter,
      AcledReadResult read,
      Optional<FileOutcome> ingest) {
    public CountryResult {
      requireNonNull(iso3, "iso3");
      requireNonNull(changedAfter, "changedAfter");
      requireNonNull(read, "read");
      requireNonNull(ingest, "ingest");
    }
  }

  /**
   * What a sync did.
   *
   * @param countries per country, in the order asked
   * @param deletionsSince the withdrawal time the deleted endpoint was read from
   * @param deletionsRead the withdrawals the endpoint listed
   * @param withdrawals what the store made of them
   */
  public record Report(
      List<CountryResult> countries,
      Instant deletionsSince,
      long deletionsRead,
      WithdrawOutcome withdrawals) {
    public Report {
      countries = List.copyOf(countries);
      requireNonNull(deletionsSince, "deletionsSince");
      requireNonNull(withdrawals, "withdrawals");
    }

    /** The events the sync added, revised and withdrew, for a log line and the journal. */
    public Map<String, Long> counts() {
      long rows = 0;
      long inserted = 0;
      long updated = 0;
      long quarantined = 0;
      for (CountryResult c : countries) {
        rows += c.read().rows();
        if (c.ingest().isPresent() && c.ingest().get() instanceof FileOutcome.Events e) {
          inserted += e.report().inserted();
          updated += e.report().updated();
          quarantined += e.report().quarantined();
        }
      }
      Map<String, Long> m = new LinkedHashMap<>();
      m.put("rowsRead", rows);
      m.put("inserted", inserted);
      m.put("updated", updated);
      m.put("quarantined", quarantined);
      m.put("deletionsRead", deletionsRead);
      m.put("withdrawn", withdrawals.withdrawn());
      return m;
    }
  }

  /**
   * Syncs {@code countries}.
   *
   * @param store the store, reached through its owner
   * @param client ACLED's API
   * @param countries ISO3 codes (or names ACLED knows), in order
   * @param from the first event date of a country read in full
   * @param folder where the files of the reads are kept
   * @param clock today, for the end of the date range and the ingest's check of future dates
   */
  public static Report sync(
      StoreWork store,
      AcledApiClient client,
      List<String> countries,
      LocalDate from,
      Path folder,
      Clock clock) {
    requireNonNull(store, "store");
    requireNonNull(client, "client");
    requireNonNull(from, "from");
    requireNonNull(folder, "folder");
    LocalDate today = LocalDate.now(clock);
    List<CountryResult> results = new ArrayList<>();
    for (String country : countries) {
      AcledQuery query = AcledQuery.of(country, from, today);
      Optional<Instant> resume =
          store
              .write(s -> s.events().findLatestSourceTimestamp(SourceSystem.ACLED, query.iso3()))
              .map(t -> t.minus(OVERLAP));
      AcledQuery asked = resume.map(query::withChangedAfter).orElse(query);
      AcledReadResult read = client.readEvents(asked, folder);
      Optional<FileOutcome> ingest = read.file().map(file -> ingest(store, file, today));
      results.add(new CountryResult(query.iso3(), resume, read, ingest));
    }
    Instant since =
        store
            .write(s -> s.events().findLatestWithdrawal(SourceSystem.ACLED))
            .map(t -> t.minus(OVERLAP))
            .orElse(Instant.EPOCH);
    List<AcledDeletion> deletions = client.listDeletions(since);
    List<Withdrawal> withdrawals = new ArrayList<>();
    for (AcledDeletion d : deletions) {
      withdrawals.add(
          new Withdrawal(
              SourceSystem.ACLED, d.eventIdCnty(), d.deletedAt(), Withdrawal.ACLED_DELETED));
    }
    WithdrawOutcome outcome = store.write(s -> s.events().withdraw(withdrawals));
    return new Report(results, since, deletions.size(), outcome);
  }

  private static FileOutcome ingest(StoreWork store, Path file, LocalDate today) {
    FileOutcome o =
        store.write(
            s ->
                new IngestService(s, today)
                    .ingest(
                        file,
                        new IngestService.Options(
                            Optional.of(SourceFormat.ACLED), OptionalInt.empty()),
                        bytes -> {}));
    if (o instanceof FileOutcome.Failed f) {
      // The client checked every page; a file the pipeline cannot read is a fault of this side.
      throw HarmattanException.sourceData(
          ProblemCode.SOURCE_MALFORMED,
          "the rows read from ACLED's API, written to "
              + file
              + ", cannot be ingested: "
              + f.message());
    }
    return o;
  }
}
