package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.harmattan.ingest.acled.api.AcledApiClient;
import org.harmattan.ingest.acled.api.AcledCredentials;
import org.harmattan.service.StoreWork;
import org.harmattan.service.sync.AcledSync;

/**
 * A sync of ACLED's live API ({@link AcledSync}) on a schedule. The API client, and with it the
 * access token, lives as long as the job, so an hourly sync asks for a token once a day; the
 * credentials are read when the client is first needed (again after a run that could not get them),
 * from the environment or the job's owner-only file, and never written anywhere.
 */
public final class AcledSyncJob implements WatchJob {
  public static final String KIND = "acled-sync";

  private final String id;
  private final Duration every;
  private final List<String> countries;
  private final LocalDate from;
  private final Path folder;
  private final URI api;
  private final Supplier<AcledCredentials> credentials;
  private AcledApiClient client;

  /**
   * @param id the job's id
   * @param every how often it syncs
   * @param countries the countries (ISO3), in order
   * @param from the first event date of a country the store holds nothing of
   * @param folder where the files of the reads are kept
   * @param api the API's address ({@link AcledApiClient#ACLED})
   * @param credentials where the credentials come from (the environment, then a file)
   */
  public AcledSyncJob(
      String id,
      Duration every,
      List<String> countries,
      LocalDate from,
      Path folder,
      URI api,
      Supplier<AcledCredentials> credentials) {
    this.id = requireNonNull(id, "id");
    this.every = requireNonNull(every, "every");
    this.countries = List.copyOf(countries);
    this.from = requireNonNull(from, "from");
    this.folder = requireNonNull(folder, "folder");
    this.api = requireNonNull(api, "api");
    this.credentials = requireNonNull(credentials, "credentials");
    if (this.countries.isEmpty()) {
      throw new IllegalArgumentException("an ACLED sync needs at least one country");
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Duration every() {
    return every;
  }

  public List<String> countries() {
    return countries;
  }

  public LocalDate from() {
    return from;
  }

  public Path folder() {
    return folder;
  }

  public URI api() {
    return api;
  }

  @Override
  public synchronized Outcome run(StoreWork store, Clock clock) {
    if (client == null) {
      client =
          new AcledApiClient(
              api,
              credentials.get(),
              AcledApiClient.Settings.defaults(),
              clock,
              AcledApiClient.Sleeper.system());
    }
    AcledSync.Report r = AcledSync.sync(store, client, countries, from, folder, clock);
    Map<String, Long> c = r.counts();
    return new Outcome(
        String.format(
            Locale.ROOT,
            "%s: %d rows read, %d new, %d revised, %d quarantined; %d withdrawals read, %d"
                + " withdrawn",
            String.join(", ", countries),
            c.get("rowsRead"),
            c.get("inserted"),
            c.get("updated"),
            c.get("quarantined"),
            c.get("deletionsRead"),
            c.get("withdrawn")),
        c);
  }
}
