package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.engine.alerts.DeliveryRecord;
import org.junit.jupiter.api.Test;

/** The contract suite's cases on the alert log: alerts recorded, listed and acknowledged. */
interface AlertLogContract extends EngineCase {
  @Test
  default void anAlertIsRecordedOnceListedNewestFirstWithItsDeliveries() {
    AlertLog log = store().alerts();
    Instant raised = Instant.parse("2026-11-26T10:15:30Z");
    AlertRecord may3 =
        new AlertRecord(
            "surge/MLI/mopti/2018-05-03",
            "surge",
            "acled-surge",
            LocalDate.of(2018, 5, 3),
            "MLI",
            "Mopti",
            "severe",
            "{\"id\":\"surge/MLI/mopti/2018-05-03\"}",
            raised);
    AlertRecord may9 =
        new AlertRecord(
            "hdx/MLI/2018-05-09",
            "hdx",
            "hdx-signals",
            LocalDate.of(2018, 5, 9),
            "MLI",
            null,
            "extreme",
            "{}",
            raised);
    assertThat(log.add(may3)).isTrue();
    assertThat(log.add(may9)).isTrue();
    assertThat(log.add(may3)).isFalse();
    assertThat(log.list(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), 10))
        .extracting(AlertRecord::id)
        .containsExactly("hdx/MLI/2018-05-09", "surge/MLI/mopti/2018-05-03");
    assertThat(log.list(LocalDate.of(2018, 5, 4), LocalDate.of(2018, 12, 31), 10))
        .extracting(AlertRecord::id)
        .containsExactly("hdx/MLI/2018-05-09");
    assertThat(log.list(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), 1)).hasSize(1);
    assertThat(log.find(may3.id())).contains(may3);
    assertThat(log.find("nothing")).isEmpty();

    Instant at = Instant.parse("2026-11-26T10:16:00Z");
    log.addDelivery(
        new DeliveryRecord(
            may3.id(), "WEBHOOK", "https://example.org/hook", 3, "DELIVERED", 200, null, at));
    log.addDelivery(
        new DeliveryRecord(
            may3.id(), "EMAIL", "desk@example.org", 5, "DEAD_LETTER", null, "cannot connect", at));
    log.addDelivery(
        new DeliveryRecord(may9.id(), "EMAIL", "desk@example.org", 1, "DELIVERED", 250, null, at));
    assertThat(log.listDeliveries(may3.id()))
        .extracting(DeliveryRecord::channel, DeliveryRecord::outcome, DeliveryRecord::lastStatus)
        .containsExactly(tuple("WEBHOOK", "DELIVERED", 200), tuple("EMAIL", "DEAD_LETTER", null));
    assertThat(log.listDeliveries(may3.id()).get(1).lastError()).isEqualTo("cannot connect");
  }

  @Test
  default void eachRuleRemembersTheDayItWasEvaluatedThrough() {
    AlertLog log = store().alerts();
    assertThat(log.findEvaluatedThrough("surge")).isEmpty();
    log.setEvaluatedThrough("surge", LocalDate.of(2018, 5, 3));
    log.setEvaluatedThrough("hdx", LocalDate.of(2018, 5, 1));
    log.setEvaluatedThrough("surge", LocalDate.of(2018, 5, 10));
    assertThat(log.findEvaluatedThrough("surge")).contains(LocalDate.of(2018, 5, 10));
    assertThat(log.findEvaluatedThrough("hdx")).contains(LocalDate.of(2018, 5, 1));
  }
}
