package org.harmattan.engine.contract;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RawText;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.SplitFile;
import org.harmattan.engine.write.SplitWriter;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;

/**
 * What ingest handed an engine's write ports, recorded on the way, so that the suite can compare
 * what the engine gives back with what it was given.
 */
final class Recorded {
  final List<StagedEvent> events = new ArrayList<>();
  final List<ObservationRow> observationRows = new ArrayList<>();
  final List<SeriesPoint> seriesPoints = new ArrayList<>();

  /** {@code writer}, recording the events it is handed. */
  EventWriter events(EventWriter writer) {
    return new EventWriter() {
      @Override
      public FileWrite begin(FileRef file) {
        return recording(writer.begin(file));
      }

      @Override
      public WithdrawOutcome withdraw(List<Withdrawal> withdrawals) {
        return writer.withdraw(withdrawals);
      }

      @Override
      public Optional<SplitWriter> splitWriter() {
        return writer.splitWriter().map(Recorded.this::recording);
      }

      @Override
      public Optional<Instant> findLatestWithdrawal(SourceSystem source) {
        return writer.findLatestWithdrawal(source);
      }

      @Override
      public Optional<Instant> findLatestSourceTimestamp(SourceSystem source, String countryIso3) {
        return writer.findLatestSourceTimestamp(source, countryIso3);
      }
    };
  }

  /**
   * {@code w}, recording the events of the files it is handed: the file is read here too, whole, as
   * one piece (the engine reads it in its own pieces, where it likes).
   */
  private SplitWriter recording(SplitWriter w) {
    return new SplitWriter() {
      @Override
      public <S extends Serializable> Outcome<S> write(SplitFile<S> file) {
        long[] whole = file.cuts(1);
        if (whole.length == 2) {
          file.read(
              whole[0],
              whole[1],
              1,
              new SplitFile.RowSink() {
                @Override
                public void accepted(StagedEvent event, LineRange lines) {
                  events.add(event);
                }

                @Override
                public void rejected(RejectedRow row) {
                  // only events are recorded
                }
              });
        }
        return w.write(file);
      }
    };
  }

  private FileWrite recording(FileWrite w) {
    return new FileWrite() {
      @Override
      public void accepted(StagedEvent event, LineRange lines) {
        events.add(event);
        w.accepted(event, lines);
      }

      @Override
      public void rejected(RejectedRow row) {
        w.rejected(row);
      }

      @Override
      public WriteOutcome commit(String format, long rowsRead, RawText raw) {
        return w.commit(format, rowsRead, raw);
      }

      @Override
      public void close() {
        w.close();
      }
    };
  }

  /** {@code writer}, recording the rows it is handed. */
  ObservationWriter observations(ObservationWriter writer) {
    return new ObservationWriter() {
      @Override
      public List<AdminUnit> listAdminUnits() {
        return writer.listAdminUnits();
      }

      @Override
      public ObservationWrite begin(FileRef file) {
        ObservationWrite w = writer.begin(file);
        return new ObservationWrite() {
          @Override
          public void accepted(ObservationRow row) {
            observationRows.add(row);
            w.accepted(row);
          }

          @Override
          public void rejected(RejectedRow row) {
            w.rejected(row);
          }

          @Override
          public void keep(byte[] content, OptionalInt year, String reference) {
            w.keep(content, year, reference);
          }

          @Override
          public ObservationOutcome commit(String dataset, long rowsRead) {
            return w.commit(dataset, rowsRead);
          }

          @Override
          public void close() {
            w.close();
          }
        };
      }

      /** Tables placed again are not recorded: they are not the file ingested. */
      @Override
      public ObservationWrite placeAgain(FileRef file) {
        return writer.placeAgain(file);
      }

      @Override
      public List<KeptTable> listKeptTables() {
        return writer.listKeptTables();
      }

      @Override
      public byte[] readKeptTable(String sha256) {
        return writer.readKeptTable(sha256);
      }
    };
  }

  /** {@code writer}, recording the points it is handed. */
  SeriesWriter series(SeriesWriter writer) {
    return file -> {
      SeriesWrite w = writer.begin(file);
      return new SeriesWrite() {
        @Override
        public void accepted(SeriesPoint point) {
          seriesPoints.add(point);
          w.accepted(point);
        }

        @Override
        public void rejected(RejectedRow row) {
          w.rejected(row);
        }

        @Override
        public SeriesOutcome commit(String dataset, long rowsRead) {
          return w.commit(dataset, rowsRead);
        }

        @Override
        public void close() {
          w.close();
        }
      };
    };
  }
}
