package org.harmattan.engine.memory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.engine.Store;
import org.harmattan.engine.Unsupported;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.contract.EngineBehavior;
import org.harmattan.engine.contract.EngineContractTest;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesSource;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;

/**
 * The contract's checks of what an engine may leave out, proved on an engine that leaves out all of
 * it: the reference engine behind a front that refuses distance filters, notes and the humanitarian
 * ports with {@link Unsupported}'s error, as a partial engine (Spark at first) would.
 */
class DeclaredUnsupportedContractTest extends EngineContractTest {
  @Override
  protected Store openStore(Path folder) {
    return new Limited(new InMemoryStore());
  }

  @Override
  public boolean supports(EngineBehavior behavior) {
    return false;
  }

  private static HarmattanException refuse(String what) {
    return Unsupported.of("limited test", what);
  }

  /** The reference engine without distance filters, notes and humanitarian data. */
  private record Limited(InMemoryStore store) implements Store {
    @Override
    public AnalyticsEngine analytics() {
      AnalyticsEngine engine = store.analytics();
      return new AnalyticsEngine() {
        @Override
        public CountResult count(CountQuery query) {
          check(query.filter());
          return engine.count(query);
        }

        @Override
        public List<NameCount> listActorNames(EventFilter filter) {
          return engine.listActorNames(check(filter));
        }

        @Override
        public List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes) {
          if (withNotes) {
            throw refuse("event notes");
          }
          return engine.listEventPoints(check(filter), false);
        }

        @Override
        public Coverage coverage(EventFilter filter) {
          return engine.coverage(check(filter));
        }

        @Override
        public EventPage listEvents(EventListing listing) {
          check(listing.filter());
          return engine.listEvents(listing);
        }
      };
    }

    private static EventFilter check(EventFilter filter) {
      if (filter.near() != null) {
        throw refuse("distance filters");
      }
      return filter;
    }

    @Override
    public ObservationSource observations() {
      return new ObservationSource() {
        @Override
        public List<Observation> listObservations(String countryIso3, String indicator) {
          throw refuse("humanitarian observations");
        }

        @Override
        public List<AdminUnit> listAdminUnits(String countryIso3) {
          throw refuse("the admin reference");
        }

        @Override
        public Map<String, LocalDate> listReadDays() {
          throw refuse("the files read");
        }
      };
    }

    @Override
    public EventWriter events() {
      return store.events();
    }

    @Override
    public Accounts accounts() {
      return store.accounts();
    }

    @Override
    public AlertLog alerts() {
      return store.alerts();
    }

    @Override
    public ObservationWriter humanitarian() {
      return new ObservationWriter() {
        @Override
        public List<AdminUnit> listAdminUnits() {
          throw refuse("the admin reference");
        }

        @Override
        public ObservationWrite begin(FileRef file) {
          throw refuse("humanitarian observations");
        }

        @Override
        public ObservationWrite placeAgain(FileRef file) {
          throw refuse("humanitarian observations");
        }

        @Override
        public List<KeptTable> listKeptTables() {
          throw refuse("kept humanitarian tables");
        }

        @Override
        public byte[] readKeptTable(String sha256) {
          throw refuse("kept humanitarian tables");
        }
      };
    }

    @Override
    public SeriesSource series() {
      return store.series();
    }

    @Override
    public SeriesWriter seriesWriter() {
      return store.seriesWriter();
    }

    @Override
    public StoreStatus status() {
      return store.status();
    }

    @Override
    public List<RejectedRow> listQuarantine(int limit) {
      return store.listQuarantine(limit);
    }

    @Override
    public Optional<Event> findEvent(String id) {
      return store.findEvent(id);
    }

    @Override
    public long countHistory(String id) {
      return store.countHistory(id);
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
