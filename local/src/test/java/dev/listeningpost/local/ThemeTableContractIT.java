package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.analyze.themes.Quote;
import dev.listeningpost.analyze.themes.Theme;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.digest.compose.StoredThemeLabels;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The theme table contract across modules: what the analyze module's themes job writes is what the
 * digest (which does not link the analyze module) reads, merges included. This is the only place
 * both modules meet, so a renamed attribute on either side fails here.
 */
@ExtendWith(DynoxideExtension.class)
class ThemeTableContractIT {
  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  @Test
  void theDigestReadsTheLabelsTheThemesJobWroteAndFollowsMerges() {
    DynamoDbClient dynamo = DynoxideExtension.client();
    String table = DynoxideExtension.uniqueName("themes");
    TableDefinitions.ensure(dynamo, KeyedTable.definition(table));
    ThemeStore written = new ThemeStore(dynamo, table);
    written.saveThemes(List.of(
        theme("t-exports", "csv export timeouts", null, Theme.Status.ACTIVE),
        theme("t-old", "slow exports", "t-exports", Theme.Status.RETIRED),
        theme("t-billing", "billing address change", null, Theme.Status.ACTIVE)));

    Map<String, String> read = new StoredThemeLabels(dynamo, table).labels(List.of("t-exports", "t-old", "t-billing"));

    assertEquals(Map.of("t-exports", "csv export timeouts", "t-old", "csv export timeouts",
        "t-billing", "billing address change"), read);
  }

  private static Theme theme(String id, String label, String mergedInto, Theme.Status status) {
    return new Theme(id, label, List.of(label.split(" ")), new float[] {1f, 0f}, 5, status, mergedInto, NOW, NOW,
        List.of(new Quote(id + "-q", "a quote", "https://example.com/" + id)), Map.of("2026-W48", 5L));
  }
}
