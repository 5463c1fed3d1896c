package org.harmattan.alerts.deliver;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML Schema of CAP 1.2 that Harmattan's messages are checked against, {@code cap-1.2.xsd}
 * beside this class. OASIS publishes a schema with the standard, but no package ships it; this one
 * is written from the standard's element tables (sections 3.2.1 to 3.2.4) and its date-time rule
 * (3.3.2), and is stricter where the standard's words allow. Its header says what XML Schema 1.0
 * cannot check.
 */
public final class CapSchema {
  /** The schema's resource name, beside this class. */
  public static final String RESOURCE = "cap-1.2.xsd";

  private static final Schema SCHEMA = load();

  private CapSchema() {}

  /**
   * One way a document breaks the schema.
   *
   * @param line the line in the document, 1-based, or -1 when unknown
   * @param column the column in the document, 1-based, or -1 when unknown
   * @param message the validator's message
   */
  public record Problem(int line, int column, String message) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "line %d, column %d: %s", line, column, message);
    }
  }

  /** The compiled schema; thread-safe, shared. */
  public static Schema schema() {
    return SCHEMA;
  }

  /**
   * Every way the document breaks the schema, in document order; empty when it is a valid CAP 1.2
   * message. For a document that is not even well-formed XML, the last problem is where parsing
   * stopped. External entities and DTDs are not fetched.
   */
  public static List<Problem> validate(String xml) {
    List<Problem> problems = new ArrayList<>();
    Validator v = SCHEMA.newValidator();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
              // Warnings are not breaches of the schema.
            }

            @Override
            public void error(SAXParseException e) {
              problems.add(problem(e));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      v.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      problems.add(problem(e));
    } catch (SAXException e) {
      problems.add(new Problem(-1, -1, e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a CAP message from a string", e);
    }
    return List.copyOf(problems);
  }

  private static Problem problem(SAXParseException e) {
    return new Problem(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
  }

  private static Schema load() {
    URL url = CapSchema.class.getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(
          "the CAP 1.2 schema "
              + RESOURCE
              + " is missing beside "
              + CapSchema.class.getName()
              + " on the class path (expected in the alerts jar)");
    }
    try {
      SchemaFactory f = SchemaFactory.newDefaultInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newSchema(url);
    } catch (SAXException e) {
      throw new IllegalStateException("the CAP 1.2 schema " + url + " does not compile", e);
    }
  }
}
