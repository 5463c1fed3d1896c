package org.harmattan.service.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.reference.profile.CountryProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch configuration file: what it builds and how each mistake is told. */
class WatchConfigTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path p = dir.resolve("watch.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private WatchConfig read(String yaml) throws IOException {
    return WatchConfig.read(write(yaml), CountryProfiles.shipped());
  }

  @Test
  void buildsTheJobsWithPathsBesideTheFile() throws IOException {
    WatchConfig c =
        read(
            "retry: {attempts: 4, delay: 30s}\n"
                + "jobs:\n"
                + "  - {id: incoming, kind: drop-folder, every: 5m, folder: in}\n"
                + "  - {id: rules, kind: alerts, every: PT1H, rules: r.yaml, outbox: out,"
                + " backfill_days: 30}\n");

    assertThat(c.jobs()).extracting(WatchJob::id).containsExactly("incoming", "rules");
    DropFolderJob drop = (DropFolderJob) c.jobs().get(0);
    assertThat(drop.every()).isEqualTo(Duration.ofMinutes(5));
    assertThat(drop.folder()).isEqualTo(dir.resolve("in").toAbsolutePath());
    assertThat(drop.settle()).isEqualTo(WatchConfig.DEFAULT_SETTLE);
    AlertsJob rules = (AlertsJob) c.jobs().get(1);
    assertThat(rules.every()).isEqualTo(Duration.ofHours(1));
    assertThat(rules.rules()).isEqualTo(dir.resolve("r.yaml").toAbsolutePath());
    assertThat(rules.subscriptions()).isNull();
    assertThat(rules.backfillDays()).isEqualTo(30);
    assertThat(c.retry().maxAttempts()).isEqualTo(4);
    assertThat(c.retry().baseDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.journal()).isEqualTo(dir.resolve("watch.journal.jsonl").toAbsolutePath());
  }

  @Test
  void buildsTheLiveSourceJobs() throws IOException {
    WatchConfig c =
        read(
            "jobs:\n"
                + "  - {id: acled, kind: acled-sync, every: 1h, countries: [MLI, BFA],"
                + " from: 2017-01-01, api: 'http://127.0.0.1:9'}\n"
                + "  - {id: advice, kind: advisories, every: 6h, countries: [mli], folder: adv,"
                + " governments: [uk], feeds: {uk: 'http://127.0.0.1:9/mali'}}\n");

    AcledSyncJob acled = (AcledSyncJob) c.jobs().get(0);
    assertThat(acled.countries()).containsExactly("MLI", "BFA");
    assertThat(acled.from()).isEqualTo(java.time.LocalDate.of(2017, 1, 1));
    assertThat(acled.folder()).isEqualTo(dir.resolve("acled-sync").toAbsolutePath());
    assertThat(acled.api()).hasToString("http://127.0.0.1:9");
    AdvisoriesJob advice = (AdvisoriesJob) c.jobs().get(1);
    assertThat(advice.countries()).containsExactly("MLI");
    assertThat(advice.governments()).containsExactly(org.harmattan.domain.context.Government.UK);
    assertThat(advice.feeds().get("uk")).hasToString("http://127.0.0.1:9/mali");
    assertThat(advice.folder()).isEqualTo(dir.resolve("adv").toAbsolutePath());
  }

  @Test
  void eachMistakeIsOneLineNamingTheJobAndTheKey() {
    assertMistake(
        "jobs:\n  - {id: a, kind: drop-folder, every: soon, folder: in}\n",
        "job 1 (a): 'every' is \"soon\" (expected an interval of at least 1 s");
    assertMistake(
        "jobs:\n  - {id: a, kind: scrape, every: 1h}\n",
        "job 1 (a): kind 'scrape' is not one of acled-sync, advisories, alerts, drop-folder");
    assertMistake(
        "jobs:\n  - {id: a, kind: acled-sync, every: 1h, countries: [Atlantis]}\n",
        "job 1 (a): countries: ");
    assertMistake(
        "jobs:\n  - {id: a, kind: acled-sync, every: 1h, countries: [MLI], api: ftp://x}\n",
        "job 1 (a) api: expected an http(s) address, got ftp://x");
    assertMistake(
        "jobs:\n  - {id: a, kind: advisories, every: 6h, countries: [MLI], folder: adv,"
            + " governments: [jp]}\n",
        "job 1 (a): government 'jp' is not one of uk, us, de, fr");
    assertMistake(
        "jobs:\n  - {id: a, kind: drop-folder, every: 1h, folder: in, speed: 3}\n",
        "job 1 (a): unknown key 'speed' (expected every, folder, id, kind, settle)");
    assertMistake("jobs:\n  - {id: a, kind: alerts, every: 1h}\n", "job 1 (a): 'rules' is missing");
    assertMistake(
        "jobs:\n  - {id: a, kind: drop-folder, every: 1h, folder: x}\n"
            + "  - {id: a, kind: drop-folder, every: 1h, folder: y}\n",
        "job 2: the id 'a' is used twice");
    assertMistake("jobs: [\n", "not valid YAML at line");
    assertMistake("watch: everything\n", "expected a map with 'jobs'");
  }

  private void assertMistake(String yaml, String expected) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("watch.yaml: ")
        .hasMessageContaining(expected)
        .extracting(e -> ((HarmattanException) e).code())
        .isEqualTo("bad_watch_config");
  }
}
