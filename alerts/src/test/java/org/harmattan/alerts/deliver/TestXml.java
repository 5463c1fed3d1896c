package org.harmattan.alerts.deliver;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** A parsed document read back with XPath, prefixes {@code cap} and {@code atom} bound. */
final class TestXml {
  private static final Map<String, String> PREFIXES =
      Map.of("cap", CapMessage.NAMESPACE, "atom", "http://www.w3.org/2005/Atom");

  private final Document doc;
  private final XPath xpath;

  private TestXml(Document doc) {
    this.doc = doc;
    this.xpath = XPathFactory.newDefaultInstance().newXPath();
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
          }

          @Override
          public String getPrefix(String uri) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Iterator<String> getPrefixes(String uri) {
            throw new UnsupportedOperationException();
          }
        });
  }

  static TestXml parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return new TestXml(f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  /** The string value of the expression; "" when it selects nothing. */
  String text(String expression) {
    try {
      return xpath.evaluate(expression, doc);
    } catch (XPathExpressionException e) {
      throw new AssertionError("bad XPath " + expression, e);
    }
  }

  /** The string value of every node the expression selects, in document order. */
  List<String> texts(String expression) {
    List<String> out = new ArrayList<>();
    for (Node n : nodes(expression)) {
      out.add(n.getTextContent());
    }
    return out;
  }

  /** The local names of the element children of the one element the expression selects. */
  List<String> childNames(String expression) {
    List<String> out = new ArrayList<>();
    Node parent = nodes(expression).get(0);
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
        out.add(children.item(i).getLocalName());
      }
    }
    return out;
  }

  List<Node> nodes(String expression) {
    try {
      NodeList list = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < list.getLength(); i++) {
        out.add(list.item(i));
      }
      return out;
    } catch (XPathExpressionException e) {
      throw new AssertionError("bad XPath " + expression, e);
    }
  }
}
