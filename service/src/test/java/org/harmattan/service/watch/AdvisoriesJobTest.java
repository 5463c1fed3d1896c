package org.harmattan.service.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.analytics.advisories.ChangeKind;
import org.harmattan.domain.context.Government;
import org.harmattan.service.advisories.AdvisoryViews;
import org.harmattan.testsupport.MovingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advisory job against an in-process site that answers as the GOV.UK content API: a document is
 * archived once, again only when it changed, and the archive shows the change.
 */
@SuppressForbidden(reason = "the JDK's HTTP server plays GOV.UK's content API for the real fetcher")
class AdvisoriesJobTest {
  @TempDir Path dir;

  private volatile String served;

  /** A GOV.UK content API document on Mali: its date, alert statuses, change note and advice. */
  private static String doc(String updated, String status, String change, String advice) {
    return String.format(
        """
        {"base_path": "/foreign-travel-advice/mali", "document_type": "travel_advice",
         "schema_name": "travel_advice", "locale": "en", "title": "Mali travel advice",
         "public_updated_at": "%s",
         "details": {"country": {"slug": "mali", "name": "Mali"},
           "alert_status": [%s],
           "change_description": "<p>%s</p>",
           "parts": [{"slug": "warnings-and-insurance", "title": "Warnings and insurance",
             "body": "<p>FCDO advises %s.</p>"}]}}
        """,
        updated, status, change, advice);
  }

  @Test
  void archivesEachNewVersionOnceAndTheArchiveShowsTheChange() throws Exception {
    served =
        doc(
            "2025-06-12T10:15:00.000+01:00",
            "\"avoid_all_but_essential_travel_to_whole_country\"",
            "Information on the security situation.",
            "against all but essential travel to Mali");
    HttpServer site =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext(
        "/mali",
        ex -> {
          byte[] body = served.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.getResponseHeaders().add("Cache-Control", "max-age=60");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    site.start();
    try {
      URI feed = URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/mali");
      Path folder = dir.resolve("advisories");
      AdvisoriesJob job =
          new AdvisoriesJob(
              "advice",
              Duration.ofHours(6),
              List.of("MLI"),
              folder,
              Set.of(Government.UK),
              Map.of("uk", feed));
      MovingClock clock = new MovingClock(Instant.parse("2025-06-13T08:00:00Z"));

      WatchJob.Outcome first = job.run(null, clock);
      clock.advance(Duration.ofHours(6));
      WatchJob.Outcome same = job.run(null, clock);
      served =
          doc(
              "2025-09-19T14:02:00.000+01:00",
              "\"avoid_all_travel_to_whole_country\"",
              "FCDO now advises against all travel to Mali.",
              "against all travel to Mali");
      clock.advance(Duration.ofHours(6));
      WatchJob.Outcome changed = job.run(null, clock);

      assertThat(first.counts()).containsEntry("fetched", 1L).containsEntry("newSnapshots", 1L);
      assertThat(same.counts()).containsEntry("fetched", 1L).containsEntry("newSnapshots", 0L);
      assertThat(changed.counts()).containsEntry("newSnapshots", 1L);
      List<Path> kept;
      try (Stream<Path> files = Files.list(folder.resolve("MLI"))) {
        kept = files.sorted().toList();
      }
      assertThat(kept)
          .extracting(p -> p.getFileName().toString())
          .containsExactly("uk-20250613T080000Z.json", "uk-20250613T200000Z.json");
      AdvisoryPicture picture = AdvisoryViews.fromFiles("MLI", kept);
      assertThat(picture.changes()).extracting(c -> c.kind()).contains(ChangeKind.LEVEL_RAISED);
    } finally {
      site.stop(0);
    }
  }
}
