package org.harmattan.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Role;
import org.harmattan.service.accounts.AccountService;
import org.harmattan.service.accounts.AccountViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmattan users}: accounts and API tokens of the server, kept in the store. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the accounts that may use the server: add (prints the first API token, once),"
          + " list, disable, enable, token (issues another token), password (reads it from stdin).",
      "Example: harmattan users add amadou --role admin --store store.duckdb --json"
    },
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.Token.class,
      UsersCommand.Password.class
    })
final class UsersCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a subcommand is required: add, list, disable, enable, token or password");
  }

  private static <T> T withAccounts(StoreOptions options, Function<AccountService, T> f) {
    try (Store store = options.open()) {
      return f.apply(new AccountService(store.accounts(), Clock.systemUTC()));
    }
  }

  private static char[] readPassword(CommandLine cli) {
    try {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = r.readLine();
      if (line == null || line.isEmpty()) {
        throw new CommandLine.ParameterException(
            cli, "--password-stdin: no password on standard input (expected one line)");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          cli, "--password-stdin: standard input cannot be read (" + e.getMessage() + ")");
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add an account and print its first API token (shown only now).")
  static final class Add implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Account name: 2 to 64 of a-z 0-9 . _ -")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer, analyst or admin.")
    String role;

    @Option(
        names = "--password-stdin",
        description = "Also set a password for the dashboard, read as one line from stdin.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      Role r =
          Role.find(role)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          cli, "--role '" + role + "' is not viewer, analyst or admin"));
      char[] password = passwordStdin ? readPassword(cli) : null;
      AccountService.Issued issued = withAccounts(options, a -> a.add(name, r, password));
      PrintWriter out = cli.getOut();
      if (options.json) {
        out.println(
            Json.write(
                AccountViews.issued(
                    issued.account().name(), issued.account().role(), issued.token())));
      } else {
        out.println(
            "added "
                + issued.account().name()
                + " ("
                + issued.account().role().word()
                + "); API token (shown only now):");
        out.println(issued.token());
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<Account> accounts = withAccounts(options, AccountService::list);
      PrintWriter out = spec.commandLine().getOut();
      if (options.json) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (Account a : accounts) {
          users.add(AccountViews.account(a));
        }
        out.println(Json.write(Map.of("users", users)));
      } else if (accounts.isEmpty()) {
        out.println("no accounts yet; add the first with: harmattan users add NAME --role admin");
      } else {
        for (Account a : accounts) {
          out.printf(
              Locale.ROOT,
              "%-24s %-8s %s%n",
              a.name(),
              a.role().word(),
              a.disabled() ? "disabled" : "enabled");
        }
      }
      out.flush();
      return 0;
    }
  }

  /** Switches an account off or on. */
  abstract static class Switch implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    private final boolean disable;

    Switch(boolean disable) {
      this.disable = disable;
    }

    @Override
    public Integer call() {
      Account a = withAccounts(options, s -> s.setDisabled(name, disable));
      spec.commandLine().getOut().println((disable ? "disabled " : "enabled ") + a.name());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Switch an account off: its tokens stop working.")
  static final class Disable extends Switch {
    Disable() {
      super(true);
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Switch an account on again.")
  static final class Enable extends Switch {
    Enable() {
      super(false);
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "Issue another API token for an account (shown only now).")
  static final class Token implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      Map<String, Object> m =
          withAccounts(
              options,
              s -> {
                Account a = s.get(name);
                return AccountViews.issued(a.name(), a.role(), s.issueToken(a.name()));
              });
      PrintWriter out = spec.commandLine().getOut();
      out.println(options.json ? Json.write(m) : m.get("token").toString());
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "password",
      mixinStandardHelpOptions = true,
      description = "Set an account's dashboard password, read as one line from stdin.")
  static final class Password implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      char[] password = readPassword(spec.commandLine());
      withAccounts(
          options,
          s -> {
            s.setPassword(name, password);
            return null;
          });
      spec.commandLine().getOut().println("password set for " + name);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
