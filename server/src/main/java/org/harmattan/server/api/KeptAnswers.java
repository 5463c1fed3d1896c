package org.harmattan.server.api;

import java.util.List;
import java.util.function.Supplier;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.query.PointGroup;

/**
 * The answers of the store's analytics, kept for the store generation they were given at. The brief
 * of a filtered view asks again much of what the brief of the same window without the filter asked
 * (the country's coverage, its regions and where their events lie), and no answer changes between
 * two writes. Answers are immutable values; the largest are not kept, so that the memory stays
 * bounded: at most {@link #CAPACITY} answers of at most {@link #MOST_RECORDS} events each.
 */
final class KeptAnswers {
  /** How many answers are kept (the least recently used goes first). */
  static final int CAPACITY = 256;

  /** The most events (counted or listed) an answer may hold and still be kept. */
  static final int MOST_RECORDS = 10_000;

  /** A question to the engine: which call, with what. */
  private record Question(String call, Object argument, boolean notes) {}

  private final GenerationCache<Question, Object> answers;
  private final long mostRecords;

  KeptAnswers() {
    this(CAPACITY, MOST_RECORDS);
  }

  /** Keeps at most {@code capacity} answers of at most {@code mostRecords} events each. */
  KeptAnswers(int capacity, long mostRecords) {
    this.answers = new GenerationCache<>(capacity);
    this.mostRecords = mostRecords;
  }

  /**
   * {@code engine} with the answers kept; {@code generation} must be the store's generation for as
   * long as the returned engine is used (it is while a read holds the store).
   */
  AnalyticsEngine over(AnalyticsEngine engine, long generation) {
    return new AnalyticsEngine() {
      @Override
      public CountResult count(CountQuery query) {
        return answer(
            new Question("count", query, false),
            generation,
            () -> engine.count(query),
            r -> r.events());
      }

      @Override
      public List<NameCount> listActorNames(EventFilter filter) {
        return answer(
            new Question("actors", filter, false),
            generation,
            () -> engine.listActorNames(filter),
            List::size);
      }

      @Override
      public List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes) {
        return answer(
            new Question("points", filter, withNotes),
            generation,
            () -> engine.listEventPoints(filter, withNotes),
            List::size);
      }

      @Override
      public List<PointGroup> listPointGroups(EventFilter filter) {
        return answer(
            new Question("groups", filter, false),
            generation,
            () -> engine.listPointGroups(filter),
            g -> g.stream().mapToLong(PointGroup::count).sum());
      }

      @Override
      public List<DayGroup> listDayGroups(EventFilter filter) {
        return answer(
            new Question("day groups", filter, false),
            generation,
            () -> engine.listDayGroups(filter),
            g -> g.stream().mapToLong(DayGroup::count).sum());
      }

      @Override
      public List<EventPoint> listEventPointsInBoxes(
          EventFilter filter, List<EventFilter.Box> boxes, boolean withNotes) {
        return answer(
            new Question("points in boxes", List.of(filter, List.copyOf(boxes)), withNotes),
            generation,
            () -> engine.listEventPointsInBoxes(filter, boxes, withNotes),
            List::size);
      }

      @Override
      public List<SourceRef> listSources(EventFilter filter) {
        return answer(
            new Question("files", filter, false),
            generation,
            () -> engine.listSources(filter),
            f -> 0L);
      }

      @Override
      public Coverage coverage(EventFilter filter) {
        return answer(
            new Question("coverage", filter, false),
            generation,
            () -> engine.coverage(filter),
            c -> 0L);
      }

      @Override
      public EventPage listEvents(EventListing listing) {
        return answer(
            new Question("events", listing, false),
            generation,
            () -> engine.listEvents(listing),
            p -> p.events().size());
      }
    };
  }

  /** The kept answer of {@code q}, or the engine's, kept when it is small enough. */
  private <T> T answer(
      Question q, long generation, Supplier<T> ask, java.util.function.ToLongFunction<T> records) {
    @SuppressWarnings("unchecked")
    T known = (T) answers.find(q, generation);
    if (known != null) {
      return known;
    }
    T fresh = ask.get();
    if (records.applyAsLong(fresh) <= mostRecords) {
      answers.put(q, generation, fresh);
    }
    return fresh;
  }

  /** How many answers are kept. */
  int size() {
    return answers.size();
  }
}
