package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RawText;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.SplitFile;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.ingest.row.RowContext;

/**
 * A file of one row per line (GDELT's exports) as an engine reads it in pieces apart ({@link
 * SplitFile}): each piece is parsed, mapped, flagged and staged exactly as {@link EventIngest} does
 * it for a file read whole, wherever the engine runs it. It holds only the file's name, hash and
 * size, the format, the day and the country boxes, so that it travels to a cluster's executors.
 */
final class LineSplitFile implements SplitFile<LineSplitFile.Summary> {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String shownAs;
  private final String sha256;
  private final long sizeBytes;
  private final String format;
  private final LocalDate today;
  private final Instant ingestedAt;
  private final CountryBoxes boxes;

  /**
   * What the reading of one piece saw.
   *
   * @param rowsRead data rows read
   * @param accepted rows accepted as events
   * @param latin1Count lines decoded as Windows-1252
   * @param latin1Lines the first of them
   * @param outsideCount events outside their country's box
   * @param outsideLines the first of them, as the note names them
   */
  record Summary(
      long rowsRead,
      long accepted,
      long latin1Count,
      List<Long> latin1Lines,
      long outsideCount,
      List<String> outsideLines)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    Summary {
      latin1Lines = List.copyOf(latin1Lines);
      outsideLines = List.copyOf(outsideLines);
    }
  }

  LineSplitFile(
      SourceFile file,
      SourceFormat format,
      LocalDate today,
      Instant ingestedAt,
      CountryBoxes boxes) {
    if (format.hasHeader()) {
      throw new IllegalArgumentException(format.id() + " files have a header: read them whole");
    }
    this.path = file.path().toString();
    this.shownAs = file.shownAs().toString();
    this.sha256 = file.sha256();
    this.sizeBytes = file.sizeBytes();
    this.format = format.id();
    this.today = requireNonNull(today, "today");
    this.ingestedAt = requireNonNull(ingestedAt, "ingestedAt");
    this.boxes = requireNonNull(boxes, "boxes");
  }

  private SourceFile source() {
    return new SourceFile(Path.of(path), sha256, sizeBytes, Path.of(shownAs));
  }

  @Override
  public FileRef file() {
    return new FileRef(path, source().dataset(), sha256);
  }

  @Override
  public String format() {
    return format;
  }

  @Override
  public long[] cuts(int pieces) {
    List<Long> cuts = new ArrayList<>();
    cuts.add(0L);
    try (FileChannel channel = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
      long length = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
      for (int k = 1; k < pieces; k++) {
        long nominal = length / pieces * k + length % pieces * k / pieces;
        long last = cuts.get(cuts.size() - 1);
        if (nominal <= last) {
          continue;
        }
        long cut = afterLineFeed(channel, nominal - 1, buffer);
        if (cut < 0 || cut >= length) {
          break;
        }
        if (cut > last) {
          cuts.add(cut);
        }
      }
      if (length > 0) {
        cuts.add(length);
      }
    } catch (IOException e) {
      throw SourceFile.unreadable(Path.of(shownAs), e);
    }
    long[] out = new long[cuts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = cuts.get(i);
    }
    return out;
  }

  /** The offset just after the first line feed at or after {@code from}, or -1 if none. */
  private static long afterLineFeed(FileChannel channel, long from, ByteBuffer buffer)
      throws IOException {
    long position = from;
    while (true) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n <= 0) {
        return -1;
      }
      for (int i = 0; i < n; i++) {
        if (buffer.get(i) == '\n') {
          return position + i + 1;
        }
      }
      position += n;
    }
  }

  @Override
  public long countLines(long from, long to) {
    try {
      return TextLines.countLines(Path.of(path), from, to);
    } catch (IOException e) {
      throw SourceFile.unreadable(Path.of(shownAs), e);
    }
  }

  @Override
  public Summary read(long from, long to, long firstLine, RowSink sink) {
    SourceFile file = source();
    RowContext context = new RowContext(file.dataset(), sha256, ingestedAt);
    OutsideCountry outside = new OutsideCountry();
    EventFileReader.Piece piece =
        new EventFileReader(today)
            .readPiece(
                file,
                SourceFormat.findById(format).orElseThrow(),
                context,
                from,
                to,
                firstLine,
                new IngestSink() {
                  @Override
                  public void accepted(Event event, LineRange lines) {
                    StagedEvent staged = StagedEvent.of(boxes.flagged(event));
                    outside.check(staged, lines);
                    sink.accepted(staged, lines);
                  }

                  @Override
                  public void rejected(RejectedRow row) {
                    sink.rejected(row);
                  }
                });
    return new Summary(
        piece.rowsRead(),
        piece.accepted(),
        piece.latin1().count(),
        piece.latin1().named(),
        outside.count(),
        outside.lines());
  }

  @Override
  public RawText raw() {
    return ranges -> RawLines.read(source(), ranges);
  }
}
