package org.harmattan.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.harmattan.domain.context.Timeline;
import org.harmattan.domain.context.TimelineEntry;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.domain.text.Language;
import org.harmattan.reference.timeline.CaseFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmattan case-file}: start a political case file, and check one. */
@Command(
    name = "case-file",
    mixinStandardHelpOptions = true,
    description = {
      "Political case files: the dated, sourced entries a brief draws on its event chart"
          + " (brief --timeline FILE).",
      "case-file init FILE --country ISO3 starts one; case-file check FILE reads it as a brief"
          + " would and reports every problem with its line, entry and field.",
      "An entry may give its title and summary in French too (a 'fr:' block), shown in a brief"
          + " written with --lang fr."
    },
    subcommands = {CaseFileCommand.Init.class, CaseFileCommand.Check.class})
final class CaseFileCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code case-file init}: writes a new case file. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Write a new case file: the format explained in comments, no entries yet.")
  static final class Init implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--country",
        required = true,
        paramLabel = "ISO3",
        description = "The country (ISO3 code, e.g. MLI).")
    String country;

    @Option(names = "--title", paramLabel = "TEXT", description = "A title, e.g. \"Mali 2026\".")
    String title;

    @Parameters(paramLabel = "FILE", description = "The file to write (never overwritten).")
    Path file;

    @Override
    public Integer call() {
      String text = CaseFiles.template(country.strip().toUpperCase(Locale.ROOT), title);
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        throw HarmattanException.userInput(
            ProblemCode.CASE_FILE, file + " exists already; choose another name");
      } catch (IOException e) {
        throw HarmattanException.userInput(
            ProblemCode.CASE_FILE, file + " cannot be written: " + e.getMessage());
      }
      spec.commandLine()
          .getOut()
          .println("Wrote " + file + "; add entries, then: harmattan case-file check " + file);
      return 0;
    }
  }

  /** {@code case-file check}: reads a case file and says what it holds. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Read a case file as a brief would: its entries, their span, how many sources are not"
            + " confirmed and how many entries are translated (e.g. a 'fr:' block); every problem"
            + " with its line, entry and field (exit 2)."
      })
  static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(paramLabel = "FILE", description = "The case file (YAML).")
    Path file;

    @Override
    public Integer call() {
      Timeline t = CaseFiles.read(file);
      long unconfirmed = t.entries().stream().filter(e -> !e.sourceChecked()).count();
      Map<Language, Long> translated = new EnumMap<>(Language.class);
      for (Language l : Language.values()) {
        long n = t.entries().stream().filter(e -> e.translations().containsKey(l)).count();
        if (n > 0) {
          translated.put(l, n);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("country", t.countryIso3());
        m.put("sha256", t.sha256());
        m.put("entries", t.entries().size());
        m.put("first", t.entries().isEmpty() ? null : t.entries().get(0).date().toString());
        m.put("last", t.entries().isEmpty() ? null : last(t).date().toString());
        m.put("unconfirmed", unconfirmed);
        Map<String, Long> byCode = new LinkedHashMap<>();
        translated.forEach((l, n) -> byCode.put(l.code(), n));
        m.put("translated", byCode);
        out.println(Json.write(m));
        return 0;
      }
      if (t.entries().isEmpty()) {
        out.printf(
            Locale.ROOT,
            "%s: a valid case file for %s, with no entries yet%n",
            file,
            t.countryIso3());
        return 0;
      }
      StringBuilder languages = new StringBuilder();
      translated.forEach(
          (l, n) ->
              languages.append(
                  String.format(
                      Locale.ROOT,
                      "; %d of %d with a title and summary in %s (%s:)",
                      n,
                      t.entries().size(),
                      l.locale().getDisplayLanguage(Locale.ENGLISH),
                      l.code())));
      out.printf(
          Locale.ROOT,
          "%s: a valid case file for %s, %d entries from %s to %s; %d with sources not confirmed"
              + " (source_checked: false)%s%n",
          file,
          t.countryIso3(),
          t.entries().size(),
          t.entries().get(0).date(),
          last(t).date(),
          unconfirmed,
          languages);
      return 0;
    }

    private static TimelineEntry last(Timeline t) {
      return t.entries().get(t.entries().size() - 1);
    }
  }
}
