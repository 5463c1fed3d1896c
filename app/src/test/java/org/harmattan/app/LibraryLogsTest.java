package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the libraries Harmattan reads files with say never reaches the user as a stack trace. */
class LibraryLogsTest {
  @TempDir Path dir;

  /** A workbook of one table whose document properties (docProps/core.xml) are not XML. */
  private Path workbookWithDamagedProperties() throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      var sheet = book.createSheet("data");
      sheet.createRow(0).createCell(0).setCellValue("admin1");
      sheet.createRow(1).createCell(0).setCellValue("Mopti");
      book.getProperties().getCoreProperties().setCreator("test");
      book.write(written);
    }
    Path file = dir.resolve("damaged-properties.xlsx");
    try (ZipInputStream in =
            new ZipInputStream(new java.io.ByteArrayInputStream(written.toByteArray()));
        OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals("docProps/core.xml")) {
          String xml = new String(bytes, StandardCharsets.UTF_8);
          assertThat(xml).contains("</dc:creator>");
          bytes = xml.replace("</dc:creator>", "</dc:creator").getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void aWorkbookWithDamagedPropertiesGetsHarmattansAnswerAndNoStackTrace() throws Exception {
    Path file = workbookWithDamagedProperties();
    Path output = dir.resolve("output.txt");

    ChildHarmattan child =
        ChildHarmattan.start(
            output, "ingest", "--store", dir.resolve("store.duckdb").toString(), file.toString());
    int exit = child.waitFor();

    String printed = child.output();
    assertThat(printed).contains("damaged-properties.xlsx");
    assertThat(printed).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("FATAL");
    assertThat(exit).as(printed).isIn(0, 1);
  }
}
