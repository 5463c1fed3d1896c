package org.harmattan.ingest.humanitarian;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.hxl.HxlReader;

/** A sink that keeps everything, and a one-call read for tests. */
final class Collected implements HumanitarianSink {
  final List<Observation> observations = new ArrayList<>();
  final List<ObservationRecord> records = new ArrayList<>();
  final List<AdminUnit> units = new ArrayList<>();
  final List<RejectedRow> rejected = new ArrayList<>();
  HumanitarianReadSummary summary;

  @Override
  public void accepted(ObservationRow row) {
    records.addAll(row.observations());
    row.observations().forEach(r -> observations.add(r.observation()));
    units.addAll(row.units());
  }

  @Override
  public void rejected(RejectedRow row) {
    rejected.add(row);
  }

  static Collected read(Path path, AdminReference reference, OptionalInt year) {
    Collected c = new Collected();
    c.summary = HumanitarianFileReader.read(HxlReader.inspect(path), reference, year, c);
    return c;
  }

  static Collected read(Path path) {
    return read(path, AdminReference.empty(), OptionalInt.empty());
  }

  /** The Mali admin reference, read through the same path as any file. */
  static AdminReference mali(Path pcodes) {
    return AdminReference.of(read(pcodes).units);
  }
}
