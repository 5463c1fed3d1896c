package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;

/**
 * Turns the XHTML from {@link HtmlRenderer} into PDF bytes with openhtmltopdf. The numbered notes,
 * page numbers and the synthetic page header all come from the HTML and its print CSS.
 *
 * <p>Fonts: DejaVu Sans (regular, bold, oblique) and DejaVu Sans Mono are shipped in this package's
 * resources and embedded as subsets. The base-14 PDF fonts cannot print U+2212 (the minus sign
 * {@link FigureFormat} uses) nor Greek or Cyrillic: they come out as "#".
 */
public final class PdfRenderer {

  private static final String FONTS = "fonts/";

  /**
   * PDFBox warns on stderr, through java.util.logging, each time it maps a standard PDF font it
   * does not use to a system font; held here so the logger and its level are not collected.
   */
  private static final java.util.logging.Logger PDFBOX_LOG =
      java.util.logging.Logger.getLogger("org.apache.pdfbox");

  static {
    // The renderer reports every step at INFO on stderr; a brief is not a debugging session.
    XRLog.setLoggingEnabled(false);
    PDFBOX_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private PdfRenderer() {}

  /**
   * The PDF of an XHTML document.
   *
   * @param xhtml a well-formed XHTML document, as {@link HtmlRenderer#render} writes
   * @param baseUri where relative links would resolve; null when there are none
   */
  public static byte[] render(String xhtml, String baseUri) {
    requireNonNull(xhtml, "xhtml");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useSVGDrawer(new BatikSVGDrawer());
    font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL);
    font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL);
    font(builder, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC);
    font(builder, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.OBLIQUE);
    font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
    builder.withProducer("Harmattan (openhtmltopdf)");
    builder.withHtmlContent(xhtml, baseUri);
    builder.toStream(pdf);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the PDF: " + e.getMessage(), e);
    }
    return pdf.toByteArray();
  }

  private static void font(
      PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
    if (PdfRenderer.class.getResource(FONTS + file) == null) {
      throw new IllegalStateException(
          "font " + FONTS + file + " is missing from the classpath next to " + PdfRenderer.class);
    }
    builder.useFont(
        () -> open(file),
        family,
        weight,
        style,
        true,
        EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG));
  }

  private static InputStream open(String file) {
    return PdfRenderer.class.getResourceAsStream(FONTS + file);
  }
}
