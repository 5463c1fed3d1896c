package org.harmattan.engine.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesSource;
import org.harmattan.engine.series.SeriesVersions;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.write.AdminUnits;
import org.harmattan.engine.write.AdminUnits.SourcedUnit;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;

/**
 * The reference engine: a store held in lists and maps in the JVM's memory, every port method
 * written as plainly as possible. It keeps what the embedded store keeps (the current version of
 * each event, superseded versions, the events their sources withdrew, the quarantine with raw text,
 * the ingest log, humanitarian observations and admin units, the points of monthly series) and
 * applies the same rules ({@link Revisions}); it keeps nothing once the JVM ends.
 *
 * <p>Writes are collected and applied at commit, in one synchronized step, so a write closed
 * without commit changes nothing and readers never see half a file.
 */
public final class InMemoryStore implements Store {

  /** The current version of each event, by id. */
  private final Map<String, StoredEvent> events = new LinkedHashMap<>();

  /** Superseded versions, in the order they were superseded. */
  private final List<Superseded> history = new ArrayList<>();

  /** The withdrawals recorded, by event id, in the order they were recorded. */
  private final Map<String, List<RecordedWithdrawal>> withdrawals = new LinkedHashMap<>();

  /** Quarantined rows, in the order of the writes that quarantined them. */
  private final List<Quarantined> quarantine = new ArrayList<>();

  /** One entry per committed write: events, humanitarian tables, series. */
  private final List<IngestedFile> ingestLog = new ArrayList<>();

  private final List<ObservationRecord> observations = new ArrayList<>();

  /** Every unit every P-code table gave, with its file; the reference chooses among them. */
  private final List<SourcedUnit> adminUnits = new ArrayList<>();

  /** The humanitarian tables kept, by SHA-256, with their bytes. */
  private final Map<String, Kept> keptTables = new TreeMap<>();

  /** A kept table and its bytes. */
  static final class Kept {
    private final KeptTable table;
    private final byte[] content;

    Kept(KeptTable table, byte[] content) {
      this.table = table;
      this.content = content.clone();
    }

    KeptTable table() {
      return table;
    }

    byte[] content() {
      return content.clone();
    }
  }

  /** The points of monthly series, by series, level, unit id and month. */
  private final Map<SeriesKey, SeriesPoint> seriesPoints = new LinkedHashMap<>();

  /** The rank of the file each series point came from. */
  private final Map<SeriesKey, SeriesVersions.Rank> seriesRanks = new HashMap<>();

  /**
   * A version that left the current view: replaced by a newer version, or taken out by its source's
   * withdrawal.
   *
   * @param version the version
   * @param supersededAt when it left the view
   * @param withdrawal the withdrawal that took it out (with the reason), or null for a revision
   */
  private record Superseded(StoredEvent version, Instant supersededAt, Withdrawal withdrawal) {}

  /** A withdrawal on record, and when it was recorded. */
  private record RecordedWithdrawal(Withdrawal withdrawal, Instant recordedAt) {}

  /** A quarantined row and the write (its position in the ingest log) that put it there. */
  private record Quarantined(long write, RejectedRow row) {}

  /**
   * One line of the ingest log.
   *
   * @param path the file as given
   * @param sha256 the file's SHA-256
   * @param format the format or dataset it was read as
   * @param rowsRead data rows read
   * @param inserted rows new to the store
   * @param updated events replaced by a newer version
   * @param unchanged rows the store held already (or a newer version of)
   * @param merged rows merged into another row of the same event
   * @param quarantined rows quarantined
   * @param ingestedAt when the write was committed
   */
  private record IngestedFile(
      String path,
      String sha256,
      String format,
      long rowsRead,
      long inserted,
      long updated,
      long unchanged,
      long merged,
      long quarantined,
      Instant ingestedAt) {}

  /** An empty store. */
  private final InMemoryAccounts accounts = new InMemoryAccounts();

  private final InMemoryAlertLog alerts = new InMemoryAlertLog();

  public InMemoryStore() {}

  @Override
  public Accounts accounts() {
    return accounts;
  }

  @Override
  public AlertLog alerts() {
    return alerts;
  }

  @Override
  public AnalyticsEngine analytics() {
    return new InMemoryAnalytics(this);
  }

  @Override
  public ObservationSource observations() {
    InMemoryStore store = this;
    return new ObservationSource() {
      @Override
      public List<Observation> listObservations(String countryIso3, String indicator) {
        return store.listObservations(countryIso3, indicator);
      }

      @Override
      public List<AdminUnit> listAdminUnits(String countryIso3) {
        return store.listAdminUnits().stream()
            .filter(u -> u.countryIso3().equals(countryIso3))
            .toList();
      }

      @Override
      public Map<String, LocalDate> listReadDays() {
        return store.listReadDays();
      }
    };
  }

  @Override
  public SeriesSource series() {
    return this::listSeries;
  }

  @Override
  public SeriesWriter seriesWriter() {
    return file -> new InMemorySeriesWrite(this, file);
  }

  @Override
  public EventWriter events() {
    InMemoryStore store = this;
    return new EventWriter() {
      @Override
      public FileWrite begin(FileRef file) {
        return new InMemoryEventWrite(store, file);
      }

      @Override
      public WithdrawOutcome withdraw(List<Withdrawal> list) {
        return store.withdraw(list);
      }

      @Override
      public Optional<Instant> findLatestWithdrawal(SourceSystem source) {
        return store.findLatestWithdrawal(source);
      }

      @Override
      public Optional<Instant> findLatestSourceTimestamp(SourceSystem source, String countryIso3) {
        return store.findLatestSourceTimestamp(source, countryIso3);
      }
    };
  }

  @Override
  public ObservationWriter humanitarian() {
    InMemoryStore store = this;
    return new ObservationWriter() {
      @Override
      public List<AdminUnit> listAdminUnits() {
        return store.listAdminUnits();
      }

      @Override
      public org.harmattan.engine.write.ObservationWrite begin(FileRef file) {
        return new InMemoryObservationWrite(store, file, true);
      }

      @Override
      public org.harmattan.engine.write.ObservationWrite placeAgain(FileRef file) {
        return new InMemoryObservationWrite(store, file, false);
      }

      @Override
      public List<KeptTable> listKeptTables() {
        return store.listKeptTables();
      }

      @Override
      public byte[] readKeptTable(String sha256) {
        return store.readKeptTable(sha256);
      }
    };
  }

  /** The current versions of every event, for the read port. */
  synchronized List<StoredEvent> listCurrent() {
    return new ArrayList<>(events.values());
  }

  /**
   * Stores the versions one file gives, one per event id (its repeated ids already resolved): a new
   * id is inserted, unless the event was withdrawn and the version is no newer than its latest
   * withdrawal ({@link Revisions#reinstates}), when it is unchanged; a known one is replaced when
   * {@link Revisions#replaces} says so, the stored version moving to history; otherwise it is
   * unchanged, and a version with other content is kept in history once, while the same content
   * gives the stored version the flags of this reading.
   */
  synchronized WriteOutcome commitEvents(
      FileRef file,
      String format,
      long rowsRead,
      List<StoredEvent> versions,
      long merged,
      List<RejectedRow> rejected,
      Instant now) {
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    for (StoredEvent incoming : versions) {
      StoredEvent stored = events.get(incoming.id());
      Instant withdrawn = latestWithdrawal(incoming.id());
      if (stored == null
          && withdrawn != null
          && !Revisions.reinstates(withdrawn, incoming.event().provenance().sourceTimestamp())) {
        unchanged++;
      } else if (stored == null) {
        events.put(incoming.id(), incoming);
        inserted++;
      } else if (Revisions.replaces(stored.version(), incoming.version())) {
        history.add(new Superseded(stored, now, null));
        events.put(incoming.id(), incoming);
        updated++;
      } else {
        // An older version read after the newer one is history too, once: history then holds the
        // same versions whatever order the files came in.
        if (stored.contentHash() != incoming.contentHash() && !inHistory(incoming)) {
          history.add(new Superseded(incoming, now, null));
        }
        // The same content read again carries the flags this reading found (flags are derived
        // from the content and take no part in its fingerprint).
        if (stored.contentHash() == incoming.contentHash()
            && !stored.event().flags().equals(incoming.event().flags())) {
          events.put(
              stored.id(),
              new StoredEvent(
                  stored.event().toBuilder().flags(incoming.event().flags()).build(),
                  stored.actors(),
                  stored.contentHash()));
        }
        unchanged++;
      }
    }
    addQuarantine(rejected);
    WriteOutcome outcome = new WriteOutcome(inserted, updated, unchanged, merged, rejected.size());
    ingestLog.add(
        new IngestedFile(
            file.path(),
            file.sha256(),
            format,
            rowsRead,
            inserted,
            updated,
            unchanged,
            merged,
            rejected.size(),
            now));
    return outcome;
  }

  /** Whether history holds a version of the same event with the same content. */
  private boolean inHistory(StoredEvent version) {
    for (Superseded h : history) {
      if (h.version().id().equals(version.id())
          && h.version().contentHash() == version.contentHash()) {
        return true;
      }
    }
    return false;
  }

  /** The time of the latest withdrawal recorded for an event, or null. */
  private Instant latestWithdrawal(String id) {
    Instant latest = null;
    for (RecordedWithdrawal r : withdrawals.getOrDefault(id, List.of())) {
      Instant at = r.withdrawal().withdrawnAt();
      if (latest == null || at.isAfter(latest)) {
        latest = at;
      }
    }
    return latest;
  }

  /**
   * Applies withdrawals by {@link Revisions#resolveWithdrawals}, all at once: the current events
   * they take out move to history with their reason, and every new withdrawal is recorded.
   */
  synchronized WithdrawOutcome withdraw(List<Withdrawal> list) {
    List<Withdrawal> all = List.copyOf(list);
    Instant now = Instant.now();
    Map<String, Revisions.Held> held = new HashMap<>();
    for (Withdrawal w : all) {
      String id = w.eventId();
      StoredEvent current = events.get(id);
      Set<Instant> times = new HashSet<>();
      for (RecordedWithdrawal r : withdrawals.getOrDefault(id, List.of())) {
        times.add(r.withdrawal().withdrawnAt());
      }
      held.put(
          id,
          new Revisions.Held(
              current != null,
              current == null ? null : current.event().provenance().sourceTimestamp(),
              times));
    }
    Revisions.WithdrawalResolution r = Revisions.resolveWithdrawals(all, held);
    for (Withdrawal w : r.removing()) {
      history.add(new Superseded(events.remove(w.eventId()), now, w));
    }
    for (Withdrawal w : r.recorded()) {
      withdrawals
          .computeIfAbsent(w.eventId(), id -> new ArrayList<>())
          .add(new RecordedWithdrawal(w, now));
    }
    return r.outcome();
  }

  synchronized Optional<Instant> findLatestWithdrawal(SourceSystem source) {
    Instant latest = null;
    for (List<RecordedWithdrawal> list : withdrawals.values()) {
      for (RecordedWithdrawal r : list) {
        Withdrawal w = r.withdrawal();
        if (w.source() == source && (latest == null || w.withdrawnAt().isAfter(latest))) {
          latest = w.withdrawnAt();
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  synchronized Optional<Instant> findLatestSourceTimestamp(
      SourceSystem source, String countryIso3) {
    Instant latest = null;
    for (StoredEvent e : events.values()) {
      Instant t = e.event().provenance().sourceTimestamp();
      if (e.event().source() == source
          && e.event().countryIso3().equals(countryIso3)
          && t != null
          && (latest == null || t.isAfter(latest))) {
        latest = t;
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * Replaces what the store held from one humanitarian file with this reading of it: its
   * observations, admin units and quarantined rows; keeps its bytes when given ({@code kept}), and
   * records the write in the ingest log when {@code logged}.
   */
  synchronized ObservationOutcome commitObservations(
      FileRef file,
      String dataset,
      long rowsRead,
      List<ObservationRow> rows,
      List<RejectedRow> rejected,
      Kept kept,
      boolean logged,
      Instant now) {
    Map<String, ObservationRecord> before = new HashMap<>();
    for (ObservationRecord r : observations) {
      if (r.observation().source().sha256().equals(file.sha256())) {
        before.put(r.observation().recordId(), r);
      }
    }
    List<AdminUnit> unitsHeld = new ArrayList<>();
    for (SourcedUnit u : adminUnits) {
      unitsHeld.add(u.unit());
    }
    ObservationOutcome outcome = AdminUnits.outcome(rows, rejected.size(), before, unitsHeld);
    observations.removeIf(r -> r.observation().source().sha256().equals(file.sha256()));
    adminUnits.removeIf(u -> u.fileSha256().equals(file.sha256()));
    quarantine.removeIf(q -> q.row().fileSha256().equals(file.sha256()));
    for (ObservationRow row : rows) {
      observations.addAll(row.observations());
      for (AdminUnit u : row.units()) {
        adminUnits.add(new SourcedUnit(u, file.sha256()));
      }
    }
    addQuarantine(rejected);
    if (kept != null) {
      keptTables.put(file.sha256(), kept);
    }
    if (logged) {
      ingestLog.add(
          new IngestedFile(
              file.path(),
              file.sha256(),
              dataset,
              rowsRead,
              outcome.inserted(),
              outcome.updated(),
              outcome.unchanged(),
              0,
              outcome.quarantined(),
              now));
    }
    return outcome;
  }

  synchronized List<KeptTable> listKeptTables() {
    List<KeptTable> out = new ArrayList<>();
    for (Kept k : keptTables.values()) {
      out.add(k.table());
    }
    out.sort(Comparator.comparing((KeptTable t) -> t.file().path()));
    return out;
  }

  synchronized byte[] readKeptTable(String sha256) {
    Kept k = keptTables.get(sha256);
    if (k == null) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL, ProblemCode.STORE_FAILURE, "no kept table of SHA-256 " + sha256);
    }
    return k.content();
  }

  /** The kept copy of a table, as a write hands it over. */
  static Kept kept(FileRef file, byte[] content, OptionalInt year, String reference) {
    return new Kept(new KeptTable(file, year, reference), content);
  }

  /**
   * Stores what one series file gives: a point of a new key is inserted; one of a known key
   * replaces the stored point when its file outranks the stored point's ({@link SeriesVersions}),
   * counted as updated when its value differs; otherwise it is unchanged.
   */
  synchronized SeriesOutcome commitSeries(
      FileRef file,
      String dataset,
      long rowsRead,
      List<SeriesPoint> points,
      List<RejectedRow> rejected,
      Instant now) {
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    SeriesVersions.Rank rank = new SeriesVersions.Rank(SeriesVersions.reach(points), file.sha256());
    for (SeriesPoint p : points) {
      SeriesKey key = SeriesKey.of(p);
      SeriesPoint stored = seriesPoints.get(key);
      if (stored == null) {
        seriesPoints.put(key, p);
        seriesRanks.put(key, rank);
        inserted++;
      } else if (SeriesVersions.replaces(seriesRanks.get(key), rank)) {
        if (Double.compare(stored.value(), p.value()) != 0) {
          updated++;
        } else {
          unchanged++;
        }
        seriesPoints.put(key, p);
        seriesRanks.put(key, rank);
      } else {
        unchanged++;
      }
    }
    addQuarantine(rejected);
    SeriesOutcome outcome = new SeriesOutcome(inserted, updated, unchanged, rejected.size());
    ingestLog.add(
        new IngestedFile(
            file.path(),
            file.sha256(),
            dataset,
            rowsRead,
            inserted,
            updated,
            unchanged,
            0,
            rejected.size(),
            now));
    return outcome;
  }

  /** The points of a series at a level, ordered by unit id (code-point order), then month. */
  synchronized List<SeriesPoint> listSeries(String series, String level) {
    List<SeriesPoint> out = new ArrayList<>();
    for (SeriesPoint p : seriesPoints.values()) {
      if (p.series().equals(series) && p.level().equals(level)) {
        out.add(p);
      }
    }
    out.sort(
        Comparator.comparing(SeriesPoint::unitId, CountResult.ID_ORDER)
            .thenComparing(SeriesPoint::month));
    return out;
  }

  /** Rows into the quarantine, once per file and line however often the file is read. */
  private void addQuarantine(List<RejectedRow> rows) {
    long write = ingestLog.size();
    for (RejectedRow row : rows) {
      boolean held = false;
      for (Quarantined q : quarantine) {
        if (q.row().fileSha256().equals(row.fileSha256())
            && q.row().lineNumber() == row.lineNumber()) {
          held = true;
          break;
        }
      }
      if (!held) {
        quarantine.add(new Quarantined(write, row));
      }
    }
  }

  @Override
  public synchronized StoreStatus status() {
    Map<String, Long> bySource = new TreeMap<>();
    Map<String, Long> byCountry = new TreeMap<>();
    for (StoredEvent e : events.values()) {
      bySource.merge(e.event().source().name(), 1L, Long::sum);
      byCountry.merge(e.event().countryIso3(), 1L, Long::sum);
    }
    long withdrawn = 0;
    for (String id : withdrawals.keySet()) {
      if (!events.containsKey(id)) {
        withdrawn++;
      }
    }
    return new StoreStatus(
        events.size(),
        bySource,
        byCountry,
        quarantine.size(),
        history.size(),
        ingestLog.size(),
        observations.size(),
        AdminUnits.choose(adminUnits).size(),
        seriesPoints.size(),
        withdrawn);
  }

  @Override
  public synchronized List<RejectedRow> listQuarantine(int limit) {
    List<Quarantined> sorted = new ArrayList<>(quarantine);
    sorted.sort(
        Comparator.comparingLong(Quarantined::write)
            .thenComparing(q -> q.row().path(), CountResult.ID_ORDER)
            .thenComparingLong(q -> q.row().lineNumber()));
    List<RejectedRow> out = new ArrayList<>();
    for (Quarantined q : sorted) {
      if (out.size() >= limit) {
        break;
      }
      out.add(q.row());
    }
    return out;
  }

  @Override
  public synchronized Optional<Event> findEvent(String id) {
    StoredEvent e = events.get(id);
    return e == null ? Optional.empty() : Optional.of(e.event());
  }

  @Override
  public synchronized long countHistory(String id) {
    long n = 0;
    for (Superseded e : history) {
      if (e.version().id().equals(id)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The observations of a country for an indicator (every indicator when null), ordered by vintage,
   * dataset, edition and record id.
   */
  synchronized List<Observation> listObservations(String countryIso3, String indicator) {
    List<Observation> out = new ArrayList<>();
    for (ObservationRecord r : observations) {
      Observation o = r.observation();
      if (o.countryIso3().equals(countryIso3)
          && (indicator == null || o.indicator().equals(indicator))) {
        out.add(o);
      }
    }
    out.sort(
        Comparator.comparing(Observation::vintage)
            .thenComparing(Observation::dataset, CountResult.ID_ORDER)
            .thenComparing(Observation::edition, CountResult.ID_ORDER)
            .thenComparing(Observation::recordId, CountResult.ID_ORDER));
    return out;
  }

  synchronized Map<String, LocalDate> listReadDays() {
    Map<String, LocalDate> days = new HashMap<>();
    for (IngestedFile f : ingestLog) {
      days.merge(
          f.sha256(),
          LocalDate.ofInstant(f.ingestedAt(), ZoneOffset.UTC),
          (a, b) -> a.isBefore(b) ? a : b);
    }
    return days;
  }

  synchronized List<AdminUnit> listAdminUnits() {
    return AdminUnits.choose(adminUnits);
  }

  /** Nothing to release: what the store held is gone with the object. */
  @Override
  public void close() {}
}
