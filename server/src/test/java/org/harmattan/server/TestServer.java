package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.service.Stores;
import org.harmattan.service.accounts.AccountService;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;

/**
 * A real server on a loopback port over a real DuckDB store in a temporary folder, with one account
 * of each role; requests go through {@link HttpClient}.
 */
final class TestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  /** The contract suite's ACLED fixture: 10 rows, 8 of them Mali events in 2025-01..03. */
  static final String ACLED_FIXTURE = "/org/harmattan/engine/contract/fixtures/acled-query-mix.csv";

  /** The contract suite's UCDP fixture. */
  static final String UCDP_FIXTURE = "/org/harmattan/engine/contract/fixtures/ucdp-query-mix.csv";

  final Path folder;
  final Store store;
  final HarmattanServer server;
  final Map<Role, String> tokens = new EnumMap<>(Role.class);
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Starts a server over a store holding {@code fixtures} (classpath resources). */
  TestServer(Path folder, String... fixtures) {
    this(folder, BriefService.Context.defaults(), fixtures);
  }

  /** Starts a server with the brief context {@code context}. */
  TestServer(Path folder, BriefService.Context context, String... fixtures) {
    this(folder, context, null, fixtures);
  }

  /** Starts a server that grants callers without credentials {@code anonymous} (or nothing). */
  TestServer(Path folder, BriefService.Context context, Role anonymous, String... fixtures) {
    this(folder, context, anonymous, null, fixtures);
  }

  /** Starts a server that runs the watch {@code watch} beside it (or none). */
  TestServer(
      Path folder,
      BriefService.Context context,
      Role anonymous,
      org.harmattan.service.watch.WatchConfig watch,
      String... fixtures) {
    this.folder = folder;
    this.store = Stores.open(folder.resolve("store.duckdb"));
    IngestService ingest = new IngestService(store, TODAY);
    for (String f : fixtures) {
      FileOutcome o = ingest.ingest(copy(f), IngestService.Options.detect(), b -> {});
      assertThat(o).isNotInstanceOf(FileOutcome.Failed.class);
    }
    AccountService accounts = new AccountService(store.accounts(), Clock.systemUTC());
    for (Role r : Role.values()) {
      tokens.put(r, accounts.add(r.word() + "-user", r, null).token());
    }
    accounts.add("signer", Role.ANALYST, "correct horse battery staple".toCharArray());
    this.server =
        HarmattanServer.start(
            store,
            new HarmattanServer.Settings(
                "127.0.0.1",
                0,
                folder.resolve("data"),
                ActorRegistry.shipped(),
                context,
                false,
                anonymous,
                watch));
  }

  /** A classpath resource copied into the folder, or a file named {@code file:PATH} as it is. */
  Path copy(String resource) {
    if (resource.startsWith("file:")) {
      return Path.of(resource.substring(5));
    }
    try (InputStream in = TestServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("fixture missing: " + resource);
      }
      Path target = folder.resolve(Path.of(resource).getFileName().toString());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean requestsInFlight() {
    return server.requestsInFlight();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpResponse<String> get(String path, Role role) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (role != null) {
      b.header("Authorization", "Bearer " + tokens.get(role));
    }
    return send(b.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
