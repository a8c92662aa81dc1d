package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.testing.Blobs;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.Feedback;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerVoiceTest {
  private static final ThemeSettings SETTINGS = AnalyzeProperties.Theme.defaults().settings()
      .withBrandTerms(ThemeSettings.parseBrandTerms("Acme, @AcmeHelp"));

  @Test
  void staffAndTheBrandsOwnHandlesAreNotCustomers() {
    assertFalse(CustomerVoice.isCustomer(item("s", new Feedback.Author("1", "jo", "Jo", true)), SETTINGS));
    assertFalse(CustomerVoice.isCustomer(item("b", new Feedback.Author("2", "@AcmeHelp", null, false)), SETTINGS));
    assertFalse(CustomerVoice.isCustomer(item("c", new Feedback.Author("3", "acmehelp", null, false)), SETTINGS));
    assertTrue(CustomerVoice.isCustomer(item("d", new Feedback.Author("4", "pat", "Pat", false)), SETTINGS));
    assertTrue(CustomerVoice.isCustomer(item("e", Feedback.Author.UNKNOWN), SETTINGS));
  }

  /** Topics 0-2 are customers; topic 3 is the care team's canned reply, half staff-flagged, half from the brand handle. */
  @Test
  void aStaffOnlyClusterNeverBecomesAThemeAndIsNeverQuoted() {
    Blobs blobs = new Blobs(4, 48, 11);
    List<Member> ms = blobs.members("m", 400, 3);
    List<ClusterBatch.Item> items = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    Set<String> staffIds = new HashSet<>();
    for (int i = 0; i < ms.size(); i++) {
      Member m = ms.get(i);
      boolean staff = blobs.topicOf(i) == 3;
      String text = staff ? "We're sorry to hear that, please DM your record locator " + i : m.text();
      items.add(new ClusterBatch.Item(m.id(), text, staff && i % 2 == 0, staff && i % 2 == 1 ? "@acmehelp" : "cust" + i));
      vectors.add(m.vector());
      if (staff) {
        staffIds.add(m.id());
      }
    }

    ClusterBatch.Clustering c = ClusterBatch.cluster(items, vectors, SETTINGS);

    assertEquals(3, c.themes().size(), "only the three customer topics are themes");
    for (int i = 0; i < items.size(); i++) {
      if (staffIds.contains(items.get(i).id())) {
        assertNull(c.themeOf().get(i), "staff items get no theme, so they never count in volumes or sentiment");
      }
    }
    for (Theme t : c.themes()) {
      t.quotes().forEach(q -> assertFalse(staffIds.contains(q.itemId()), "staff quoted: " + q));
      assertFalse(t.label().contains("record locator"), t.label());
    }
  }

  private static Feedback item(String id, Feedback.Author author) {
    return Feedback.builder().id(id).channel("x").text("hello").author(author).createdAt(Instant.EPOCH).build();
  }
}
