package org.harmattan.server.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.auth.Authenticator;
import org.harmattan.server.auth.Sessions;
import org.harmattan.server.auth.SignInThrottle;
import org.harmattan.service.accounts.AccountService;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.watch.WatchConfig;

/**
 * What every resource shares: the store (through {@link StoreAccess}), accounts, the actor
 * registry, the brief context and the folder where the server keeps briefs and uploads.
 */
public final class Api {
  private final StoreAccess store;
  private final AccountService accounts;
  private final Sessions sessions;
  private final SignInThrottle throttle;
  private final Authenticator authenticator;
  private final ActorRegistry registry;
  private final BriefService.Context context;
  private final Path dataDir;
  private final Clock clock;
  private final boolean synthetic;
  private final WatchConfig watch;

  /**
   * @param dataDir where briefs and uploads are kept
   * @param context the reference inputs of briefs and figures (profiles, roads, advisories)
   * @param synthetic whether the store holds a synthetic scenario (marked on every figure)
   * @param anonymous the role of callers without credentials, or null when all need credentials
   * @param watch the watch the server runs (its jobs, journal and rule files), or null
   */
  public Api(
      Store store,
      ActorRegistry registry,
      BriefService.Context context,
      Path dataDir,
      Clock clock,
      boolean synthetic,
      Role anonymous,
      WatchConfig watch) {
    this.store = new StoreAccess(requireNonNull(store, "store"));
    this.clock = requireNonNull(clock, "clock");
    this.accounts = new AccountService(new LockedAccounts(this.store), clock);
    this.sessions = new Sessions(clock);
    this.throttle = new SignInThrottle(clock);
    this.authenticator = new Authenticator(accounts, sessions, anonymous);
    this.registry = requireNonNull(registry, "registry");
    this.context = requireNonNull(context, "context");
    this.dataDir = requireNonNull(dataDir, "dataDir");
    this.synthetic = synthetic;
    this.watch = watch;
  }

  /** The watch the server runs, if any. */
  public Optional<WatchConfig> watch() {
    return Optional.ofNullable(watch);
  }

  public boolean synthetic() {
    return synthetic;
  }

  public StoreAccess store() {
    return store;
  }

  public AccountService accounts() {
    return accounts;
  }

  public Sessions sessions() {
    return sessions;
  }

  public SignInThrottle throttle() {
    return throttle;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public ActorRegistry registry() {
    return registry;
  }

  public BriefService.Context context() {
    return context;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  /** Today, in UTC: the day against which future dates are judged. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
