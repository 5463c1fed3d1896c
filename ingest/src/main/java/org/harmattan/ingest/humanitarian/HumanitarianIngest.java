package org.harmattan.ingest.humanitarian;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.SourceFile;

/**
 * The humanitarian ingest pipeline: file, dataset recognition, row mapper, engine. Names and codes
 * are placed against the admin reference the store holds; what the file gives is written in one
 * commit and replaces what the same file gave before.
 *
 * <p>The store keeps a copy of every table but the P-code tables, with the reference it was placed
 * against. After each ingest, every kept table placed against another reference than the store's
 * current one is read again from its copy and placed anew. So the store holds the same observations
 * and the same quarantine whatever the order the tables and the P-code tables came in, and however
 * often each was read; and an ingest cut short before the tables were placed again is completed by
 * the next one.
 */
public final class HumanitarianIngest {
  private HumanitarianIngest() {}

  /**
   * Reads {@code file} and writes it to {@code writer}, then places again the kept tables that were
   * placed against another reference.
   *
   * @param year the year the file describes, for datasets that do not state it; else from its name
   */
  public static HumanitarianIngestReport ingest(
      SourceFile file, OptionalInt year, ObservationWriter writer) {
    requireNonNull(file, "file");
    requireNonNull(year, "year");
    requireNonNull(writer, "writer");
    Optional<KeptTable> kept = findKept(writer, file.sha256());
    // The same bytes under another name keep the name they were first read under, as they are
    // cited.
    FileRef ref =
        kept.map(KeptTable::file)
            .orElse(new FileRef(file.shownAs().toString(), file.dataset(), file.sha256()));
    SourceFile read =
        kept.isPresent()
            ? new SourceFile(file.path(), file.sha256(), file.sizeBytes(), Path.of(ref.path()))
            : file;
    AdminReference reference = AdminReference.of(writer.listAdminUnits());
    Reading r;
    try (ObservationWrite write = writer.begin(ref)) {
      r = readInto(read, year, reference, write);
    }
    List<String> notes = new ArrayList<>(r.summary().notes());
    List<HumanitarianIngestReport.PlacedAgain> again = placeAgain(writer, notes);
    HumanitarianReadSummary summary = r.summary();
    ObservationOutcome o = r.outcome();
    return new HumanitarianIngestReport(
        file.shownAs().toString(),
        summary.dataset().id(),
        summary.dataset().description(),
        file.sha256(),
        summary.rowsRead(),
        o.inserted(),
        o.updated(),
        o.unchanged(),
        o.quarantined(),
        summary.blankRows(),
        summary.observations(),
        summary.adminUnits(),
        notes,
        again);
  }

  private record Reading(HumanitarianReadSummary summary, ObservationOutcome outcome) {}

  /** Reads {@code file} into {@code write}, keeps a copy unless it is a P-code table, commits. */
  private static Reading readInto(
      SourceFile file, OptionalInt year, AdminReference reference, ObservationWrite write) {
    HumanitarianReadSummary summary =
        HumanitarianFileReader.read(
            file,
            reference,
            year,
            new HumanitarianSink() {
              @Override
              public void accepted(ObservationRow row) {
                write.accepted(row);
              }

              @Override
              public void rejected(RejectedRow row) {
                write.rejected(row);
              }
            });
    if (summary.dataset() != HumanitarianDataset.ADMIN_UNITS) {
      write.keep(bytes(file), year, reference.fingerprint());
    }
    return new Reading(summary, write.commit(summary.dataset().id(), summary.rowsRead()));
  }

  /**
   * Reads again, from the store's copy, every kept table placed against another reference than the
   * current one. A copy that can no longer be read (a reader that changed since) is left as it was
   * stored, with a note in {@code notes}: the file just ingested is stored whatever becomes of it.
   */
  private static List<HumanitarianIngestReport.PlacedAgain> placeAgain(
      ObservationWriter writer, List<String> notes) {
    List<HumanitarianIngestReport.PlacedAgain> out = new ArrayList<>();
    AdminReference reference = AdminReference.of(writer.listAdminUnits());
    for (KeptTable t : writer.listKeptTables()) {
      if (t.reference().equals(reference.fingerprint())) {
        continue;
      }
      byte[] content = writer.readKeptTable(t.file().sha256());
      Path dir = null;
      try {
        dir = Files.createTempDirectory("harmattan-kept-");
        Path copy = dir.resolve(fileName(t.file()));
        Files.write(copy, content);
        SourceFile source =
            new SourceFile(copy, t.file().sha256(), content.length, Path.of(t.file().path()));
        Reading r;
        try (ObservationWrite write = writer.placeAgain(t.file())) {
          r = readInto(source, t.year(), reference, write);
        }
        ObservationOutcome o = r.outcome();
        out.add(
            new HumanitarianIngestReport.PlacedAgain(
                t.file().path(),
                t.file().sha256(),
                r.summary().rowsRead(),
                o.inserted(),
                o.updated(),
                o.unchanged(),
                o.quarantined()));
      } catch (HarmattanException e) {
        if (e.category() == ErrorCategory.INTERNAL || e.category() == ErrorCategory.UNAVAILABLE) {
          throw e;
        }
        notes.add(
            "not placed again against the changed admin reference: "
                + t.file().path()
                + " ("
                + e.getMessage()
                + "); its rows stay as they were placed");
      } catch (IOException e) {
        throw new HarmattanException(
            ErrorCategory.UNAVAILABLE,
            ProblemCode.CANNOT_PLACE_AGAIN,
            "cannot write the kept copy of "
                + t.file().path()
                + " to a temporary file to place it again ("
                + e.getMessage()
                + "); check the space in "
                + System.getProperty("java.io.tmpdir"),
            e);
      } finally {
        deleteQuietly(dir);
      }
    }
    return out;
  }

  private static Optional<KeptTable> findKept(ObservationWriter writer, String sha256) {
    for (KeptTable t : writer.listKeptTables()) {
      if (t.file().sha256().equals(sha256)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The file name the table was read under: the reader takes the year and the kind from it. */
  private static String fileName(FileRef file) {
    Path name = Path.of(file.path()).getFileName();
    return name == null ? file.dataset() : name.toString();
  }

  private static byte[] bytes(SourceFile file) {
    try {
      return Files.readAllBytes(file.path());
    } catch (IOException e) {
      throw SourceFile.unreadable(file.shownAs(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A temporary copy left behind is harmless; the system's temporary folder is cleared.
    }
  }
}
