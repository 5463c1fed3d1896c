package org.harmattan.service.accounts;

import static java.util.Objects.requireNonNull;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.accounts.ApiToken;
import org.harmattan.engine.accounts.Role;

/**
 * Accounts and their credentials. Passwords and token secrets are kept only as Argon2id hashes
 * (OWASP's minimum: 19 MiB, 2 passes, 1 lane); a token is shown once, when it is issued.
 *
 * <p>A token reads {@code hmt_ID_SECRET}: the id finds the stored hash, the secret is checked
 * against it. Checking a hash takes tens of milliseconds by design, so a token that passed is
 * remembered (by its SHA-256, never in clear) until its account or the token changes through this
 * service.
 */
public final class AccountService {
  /** The prefix of every API token, so that secret scanners can recognise them. */
  public static final String TOKEN_PREFIX = "hmt_";

  /** The shortest password accepted. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  private static final Pattern TOKEN = Pattern.compile("hmt_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
  private static final String ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Accounts accounts;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Principal> verified = new ConcurrentHashMap<>();

  public AccountService(Accounts accounts, Clock clock) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * What {@link #add} made.
   *
   * @param account the new account
   * @param token its first API token, in clear: shown once, never stored
   */
  public record Issued(Account account, String token) {}

  /**
   * Adds an account with a first API token.
   *
   * @param password the password for signing in to the dashboard, or null for tokens only
   */
  public synchronized Issued add(String name, Role role, char[] password) {
    String n = checkName(name);
    requireNonNull(role, "role");
    String hash = password == null ? null : hashPassword(password);
    if (!accounts.add(new Account(n, role, hash, false, clock.instant()))) {
      throw HarmattanException.userInput(
          ProblemCode.ACCOUNT_EXISTS, "an account named '" + n + "' exists");
    }
    return new Issued(get(n), issueToken(n));
  }

  /** Issues another API token for {@code name}; the token is returned in clear, once. */
  public synchronized String issueToken(String name) {
    Account a = get(name);
    String id = randomId();
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    accounts.addToken(
        new ApiToken(id, a.name(), ARGON2.hash(secret).getResult(), clock.instant(), null));
    return TOKEN_PREFIX + id + "_" + secret;
  }

  /** Every account, by name. */
  public List<Account> list() {
    return accounts.list();
  }

  /** The account named {@code name}. */
  public Account get(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return accounts
        .find(n)
        .orElseThrow(
            () ->
                HarmattanException.userInput(
                    ProblemCode.ACCOUNT_NOT_FOUND, "no account is named '" + name + "'"));
  }

  /** Switches an account off (its tokens and sessions stop working) or on again. */
  public synchronized Account setDisabled(String name, boolean disabled) {
    Account a = get(name).withDisabled(disabled);
    accounts.update(a);
    forget(a.name());
    return a;
  }

  /** Sets the password an account signs in with. */
  public synchronized void setPassword(String name, char[] password) {
    Account a = get(name).withPasswordHash(hashPassword(password));
    accounts.update(a);
  }

  /** Withdraws every token of {@code name}. */
  public synchronized int revokeTokens(String name) {
    Account a = get(name);
    int n = 0;
    for (ApiToken t : accounts.listTokens(a.name())) {
      if (t.revoked() == null) {
        accounts.updateToken(t.withRevoked(clock.instant()));
        n++;
      }
    }
    forget(a.name());
    return n;
  }

  /** Who {@code token} stands for, if it is a valid token of an enabled account. */
  public Optional<Principal> authenticateToken(String token) {
    if (token == null) {
      return Optional.empty();
    }
    var m = TOKEN.matcher(token.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String key = sha256(token.strip());
    Principal known = verified.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ApiToken> stored = accounts.findToken(m.group(1));
    if (stored.isEmpty() || stored.get().revoked() != null) {
      return Optional.empty();
    }
    if (!matches(m.group(2), stored.get().secretHash())) {
      return Optional.empty();
    }
    Optional<Account> account = accounts.find(stored.get().user());
    if (account.isEmpty() || account.get().disabled()) {
      return Optional.empty();
    }
    Principal p = new Principal(account.get().name(), account.get().role());
    verified.put(key, p);
    return Optional.of(p);
  }

  /** Who signs in with {@code name} and {@code password}, if they match an enabled account. */
  public Optional<Principal> authenticatePassword(String name, char[] password) {
    if (name == null || password == null) {
      return Optional.empty();
    }
    Optional<Account> a = accounts.find(name.strip().toLowerCase(Locale.ROOT));
    if (a.isEmpty() || a.get().disabled() || a.get().passwordHash() == null) {
      // Spend the same time as a real check, so that timing does not tell which names exist.
      ARGON2.hash(new String(password));
      return Optional.empty();
    }
    return matches(new String(password), a.get().passwordHash())
        ? Optional.of(new Principal(a.get().name(), a.get().role()))
        : Optional.empty();
  }

  /** Whether {@code name} still stands for an enabled account of {@code role}. */
  public boolean stillValid(Principal p) {
    Optional<Account> a = accounts.find(p.name());
    return a.isPresent() && !a.get().disabled() && a.get().role() == p.role();
  }

  /** Whether {@code secret} is what the Argon2id hash {@code hash} (PHC string) was made from. */
  private static boolean matches(String secret, String hash) {
    return Argon2Function.getInstanceFromHash(hash).check(secret, hash);
  }

  private void forget(String name) {
    verified.values().removeIf(p -> p.name().equals(name));
  }

  private static String checkName(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_ACCOUNT_NAME,
          "the account name '"
              + name
              + "' is not 2 to 64 letters, digits, '.', '_' or '-' starting with a letter or"
              + " digit");
    }
    return n;
  }

  private static String hashPassword(char[] password) {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw HarmattanException.userInput(
          ProblemCode.WEAK_PASSWORD,
          "the password has "
              + password.length
              + " characters; use at least "
              + MIN_PASSWORD_LENGTH);
    }
    return ARGON2.hash(new String(password)).getResult();
  }

  private String randomId() {
    StringBuilder b = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      b.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return b.toString();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
