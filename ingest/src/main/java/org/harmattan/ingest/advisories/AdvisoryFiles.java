package org.harmattan.ingest.advisories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.Hashes;

/** Reads a saved advisory document, recognising whose format it is from its content. */
public final class AdvisoryFiles {
  private AdvisoryFiles() {}

  /** The advice for {@code iso3} in {@code file}. */
  public static AdvisoryReport read(Path file, String iso3) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw HarmattanException.userInput(
          ProblemCode.ADVISORY_FILE, file + ": no such file (expected a saved advisory document)");
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.ADVISORY_FILE, file + ": cannot be read (" + e.getMessage() + ")");
    }
    return read(content, file.getFileName().toString(), iso3);
  }

  /** The advice for {@code iso3} in a document named {@code name}. */
  public static AdvisoryReport read(byte[] content, String name, String iso3) {
    Government g = detect(content, name);
    String sha = Hashes.sha256(content);
    return switch (g) {
      case UK -> GovUkReader.read(content, name, sha);
      case US -> StateDeptReader.read(content, name, sha, iso3);
      case DE -> AuswaertigesAmtReader.read(content, name, sha, iso3);
      case FR -> DiplomatieReader.read(content, name, sha, iso3);
    };
  }

  /** Whose format the document is in, from its first few kilobytes. */
  public static Government detect(byte[] content, String name) {
    String head =
        new String(content, 0, Math.min(content.length, 8192), StandardCharsets.UTF_8)
            .toLowerCase(Locale.ROOT);
    String trimmed = head.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("\uFEFF{")) {
      if (head.contains("\"/foreign-travel-advice/")) {
        return Government.UK;
      }
      if (head.contains("\"response\"")) {
        return Government.DE;
      }
    } else if (trimmed.startsWith("<")) {
      if (head.contains("diplomatie.gouv.fr")) {
        return Government.FR;
      }
      if (head.contains("travel.state.gov") || head.matches("(?s).*- level [1-4]:.*")) {
        return Government.US;
      }
    }
    throw HarmattanException.sourceData(
        ProblemCode.ADVISORY_FORMAT,
        name
            + ": not a travel-advisory format Harmattan reads (expected GOV.UK content API JSON,"
            + " the State Department's RSS feed, Auswärtiges Amt open-data JSON or France"
            + " Diplomatie's RSS feed)");
  }
}
