package io.brokkr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** brokkr-bom has the reactor's version and manages every published module. */
class BomTest {
  /** Modules of the root pom that are not published for users (brokkr-cli is an application). */
  private static final Set<String> UNPUBLISHED =
      Set.of("brokkr-bom", "brokkr-bench", "brokkr-faults", "brokkr-cli", "brokkr-it", "samples");

  @Test
  void theBomHasTheReactorsVersionAndManagesEveryPublishedModule() throws Exception {
    Element bom = root(ReadmeSnippetsTest.ROOT.resolve("brokkr-bom/pom.xml"));
    Set<String> managed = new TreeSet<>();
    for (Element dependency : descendants(child(bom, "dependencyManagement"), "dependency")) {
      assertEquals("${project.version}", text(dependency, "version"), "the version of " + text(dependency, "artifactId"));
      managed.add(text(dependency, "artifactId"));
    }
    Set<String> published = new TreeSet<>();
    for (Element module : descendants(child(root(ReadmeSnippetsTest.ROOT.resolve("pom.xml")), "modules"), "module")) {
      if (!UNPUBLISHED.contains(module.getTextContent())) {
        published.add(module.getTextContent());
      }
    }

    assertEquals(System.getProperty("brokkr.version"), text(bom, "version"));
    assertEquals(published, managed);
  }

  private static Element root(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static String text(Element parent, String name) {
    return child(parent, name).getTextContent().trim();
  }

  private static List<Element> descendants(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    var nodes = parent.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }
}
