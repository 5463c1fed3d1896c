package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.harmattan.engine.accounts.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server lets a request in flight finish instead of cutting it off. */
class GracefulStopTest {
  @Test
  void aRequestInFlightWhenTheServerStopsIsAnswered(@TempDir Path dir) throws Exception {
    TestServer server = new TestServer(dir, TestServer.ACLED_FIXTURE);
    // The first figure query of a window computes the whole brief: long enough to be in flight.
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(
            () ->
                server.get(
                    "/api/v1/figures?country=MLI&from=2025-01-01&to=2025-03-31&compare=2024",
                    Role.VIEWER));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!server.requestsInFlight() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(server.requestsInFlight()).isTrue();
    server.close();
    HttpResponse<String> r = inFlight.get(60, TimeUnit.SECONDS);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestServer.json(r).get("figures").size()).isPositive();
  }
}
