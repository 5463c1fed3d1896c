package org.harmattan.engine.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.write.AdminUnits;
import org.harmattan.engine.write.AdminUnits.SourcedUnit;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;

/**
 * Humanitarian observations, the admin reference and the kept tables of a Spark store. They are
 * small next to the events (a DTM round or a P-code table is thousands of rows): a write reads the
 * tables into the driver, replaces what the store held from the same file with this reading (the
 * rule every engine applies, {@link AdminUnits#outcome}), and writes them again whole, with the
 * quarantine and the ingest log, in one commit.
 */
final class SparkHumanitarian implements ObservationWriter {
  private final SparkStore store;

  SparkHumanitarian(SparkStore store) {
    this.store = store;
  }

  @Override
  public List<AdminUnit> listAdminUnits() {
    return AdminUnits.choose(sourcedUnits(store));
  }

  @Override
  public ObservationWrite begin(FileRef file) {
    return new Write(file, true);
  }

  @Override
  public ObservationWrite placeAgain(FileRef file) {
    return new Write(file, false);
  }

  @Override
  public List<KeptTable> listKeptTables() {
    List<KeptTable> out = new ArrayList<>();
    for (Row r : store.rows(Tables.KEPT, Tables.KEPT_ROWS)) {
      out.add(keptTable(r));
    }
    out.sort(Comparator.comparing((KeptTable t) -> t.file().path()));
    return out;
  }

  @Override
  public byte[] readKeptTable(String sha256) {
    for (Row r : store.rows(Tables.KEPT, Tables.KEPT_ROWS)) {
      if (r.<String>getAs("sha256").equals(sha256)) {
        return r.<byte[]>getAs("content").clone();
      }
    }
    throw new HarmattanException(
        ErrorCategory.INTERNAL, ProblemCode.STORE_FAILURE, "no kept table of SHA-256 " + sha256);
  }

  private static KeptTable keptTable(Row r) {
    Integer year = r.getAs("year");
    return new KeptTable(
        new FileRef(r.getAs("path"), r.getAs("dataset"), r.getAs("sha256")),
        year == null ? OptionalInt.empty() : OptionalInt.of(year),
        r.getAs("reference"));
  }

  /** The observations of a country for an indicator (every one when null), in the read order. */
  static List<Observation> list(SparkStore store, String countryIso3, String indicator) {
    List<Observation> out = new ArrayList<>();
    for (ObservationRecord r : records(store)) {
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

  /** How many observations and chosen admin units the store holds. */
  static long[] counts(SparkStore store) {
    return new long[] {
      store.rows(Tables.OBSERVATIONS, Tables.OBSERVATION_ROWS).size(),
      AdminUnits.choose(sourcedUnits(store)).size()
    };
  }

  private static List<ObservationRecord> records(SparkStore store) {
    List<ObservationRecord> out = new ArrayList<>();
    for (Row r : store.rows(Tables.OBSERVATIONS, Tables.OBSERVATION_ROWS)) {
      out.add(
          new ObservationRecord(
              new Observation(
                  r.getAs("record_id"),
                  r.getAs("dataset"),
                  r.getAs("edition"),
                  r.getAs("indicator"),
                  r.getAs("qualifier"),
                  r.getAs("country_iso3"),
                  r.<Integer>getAs("admin_level"),
                  r.getAs("pcode"),
                  r.getAs("admin_name"),
                  r.<LocalDate>getAs("vintage"),
                  r.<Double>getAs("value"),
                  r.getAs("unit"),
                  new SourceRef(r.getAs("system"), r.getAs("source_dataset"), r.getAs("sha256")),
                  r.<Long>getAs("line")),
              r.getAs("source_pcode"),
              r.getAs("place_note")));
    }
    return out;
  }

  private static Row row(ObservationRecord rec) {
    Observation o = rec.observation();
    return RowFactory.create(
        o.recordId(),
        o.dataset(),
        o.edition(),
        o.indicator(),
        o.qualifier(),
        o.countryIso3(),
        o.adminLevel(),
        o.pcode(),
        o.adminName(),
        o.vintage(),
        o.value(),
        o.unit(),
        o.source().system(),
        o.source().dataset(),
        o.source().sha256(),
        o.line(),
        rec.sourcePcode(),
        rec.placeNote());
  }

  private static List<SourcedUnit> sourcedUnits(SparkStore store) {
    List<SourcedUnit> out = new ArrayList<>();
    for (Row r : store.rows(Tables.ADMIN_UNITS, Tables.ADMIN_UNIT_ROWS)) {
      out.add(
          new SourcedUnit(
              new AdminUnit(
                  r.getAs("country_iso3"),
                  r.<Integer>getAs("level"),
                  r.getAs("pcode"),
                  r.getAs("name"),
                  r.getAs("parent_pcode"),
                  r.<LocalDate>getAs("valid_from"),
                  r.<Long>getAs("line")),
              r.getAs("file_sha256")));
    }
    return out;
  }

  private static Row row(SourcedUnit s) {
    AdminUnit u = s.unit();
    return RowFactory.create(
        u.countryIso3(),
        u.level(),
        u.pcode(),
        u.name(),
        u.parentPcode(),
        u.validFrom(),
        u.line(),
        s.fileSha256());
  }

  /** One humanitarian file being written: rows collected, stored at commit. */
  private final class Write implements ObservationWrite {
    private final FileRef file;
    private final boolean logged;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final List<ObservationRow> rows = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private Row kept;
    private boolean open = true;

    Write(FileRef file, boolean logged) {
      this.file = file;
      this.logged = logged;
    }

    @Override
    public void accepted(ObservationRow row) {
      checkOpen();
      rows.add(row);
    }

    @Override
    public void rejected(RejectedRow row) {
      checkOpen();
      rejected.add(row);
    }

    @Override
    public void keep(byte[] content, OptionalInt year, String reference) {
      checkOpen();
      kept =
          RowFactory.create(
              file.path(),
              file.dataset(),
              file.sha256(),
              year.isPresent() ? year.getAsInt() : null,
              reference,
              content.clone());
    }

    @Override
    public ObservationOutcome commit(String dataset, long rowsRead) {
      checkOpen();
      open = false;
      synchronized (store) {
        String sha = file.sha256();
        List<ObservationRecord> all = records(store);
        Map<String, ObservationRecord> before = new HashMap<>();
        List<Row> observations = new ArrayList<>();
        for (ObservationRecord r : all) {
          if (r.observation().source().sha256().equals(sha)) {
            before.put(r.observation().recordId(), r);
          } else {
            observations.add(row(r));
          }
        }
        List<SourcedUnit> sourced = sourcedUnits(store);
        List<AdminUnit> unitsHeld = new ArrayList<>();
        List<Row> units = new ArrayList<>();
        for (SourcedUnit u : sourced) {
          unitsHeld.add(u.unit());
          if (!u.fileSha256().equals(sha)) {
            units.add(row(u));
          }
        }
        ObservationOutcome outcome = AdminUnits.outcome(rows, rejected.size(), before, unitsHeld);
        for (ObservationRow r : rows) {
          for (ObservationRecord o : r.observations()) {
            observations.add(row(o));
          }
          for (AdminUnit u : r.units()) {
            units.add(row(new SourcedUnit(u, sha)));
          }
        }
        List<Row> keptRows = null;
        if (kept != null) {
          keptRows = new ArrayList<>();
          for (Row r : store.rows(Tables.KEPT, Tables.KEPT_ROWS)) {
            if (!r.<String>getAs("sha256").equals(sha)) {
              keptRows.add(r);
            }
          }
          keptRows.add(kept);
        }
        store.commitHumanitarian(
            file,
            dataset,
            rowsRead,
            observations,
            units,
            keptRows,
            rejected,
            logged
                ? new long[] {
                  outcome.inserted(),
                  outcome.updated(),
                  outcome.unchanged(),
                  0,
                  outcome.quarantined()
                }
                : null,
            now);
        return outcome;
      }
    }

    private void checkOpen() {
      if (!open) {
        throw file.writeClosed();
      }
    }

    /** Drops what was collected unless it was committed. */
    @Override
    public void close() {
      open = false;
      rows.clear();
      rejected.clear();
      kept = null;
    }
  }
}
