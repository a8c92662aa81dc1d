package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The tables the deployed stack creates (template.yaml) and the ones tests and the local stack
 * create (TableDefinitions) must be the same, or code that passes locally fails in AWS.
 */
class TemplateTablesTest {
  private static Map<String, Object> resources;

  /** Reads CloudFormation YAML: short-form tags such as !Ref or !GetAtt become plain values. */
  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(null, new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          if (node instanceof ScalarNode scalar) {
            return constructScalar(scalar);
          }
          if (node instanceof SequenceNode seq) {
            return constructSequence(seq);
          }
          return constructMapping((MappingNode) node);
        }
      });
    }
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTemplate() throws IOException {
    Path template = Path.of(System.getProperty("lp.root", "../.."), "template.yaml");
    try (Reader in = Files.newBufferedReader(template)) {
      Map<String, Object> doc = new Yaml(new CfnConstructor()).load(in);
      resources = (Map<String, Object>) doc.get("Resources");
    }
  }

  @Test
  void feedbackTableMatchesTableDefinitions() {
    Map<String, Object> table = tableProperties("FeedbackTable");
    CreateTableRequest local = FeedbackTable.definition("feedback-local");

    assertCommonShape(table, local);

    List<Map<String, Object>> gsis = list(table.get("GlobalSecondaryIndexes"));
    assertEquals(local.globalSecondaryIndexes().size(), gsis.size(), "number of GSIs");
    for (GlobalSecondaryIndex expected : local.globalSecondaryIndexes()) {
      Map<String, Object> gsi = gsis.stream().filter(g -> expected.indexName().equals(g.get("IndexName")))
          .findFirst().orElseThrow(() -> new AssertionError("template lacks GSI " + expected.indexName()));
      assertEquals(keySchema(expected.keySchema()), keySchema(gsi.get("KeySchema")), "key schema of " + expected.indexName());
      Map<String, Object> projection = map(gsi.get("Projection"));
      assertEquals(expected.projection().projectionTypeAsString(), projection.get("ProjectionType"));
      assertEquals(new TreeSet<>(expected.projection().nonKeyAttributes()),
          new TreeSet<>(strings(projection.get("NonKeyAttributes"))), "projected attributes of " + expected.indexName());
      assertEquals(expected.projection().nonKeyAttributes().size(), strings(projection.get("NonKeyAttributes")).size(),
          "duplicate projected attributes in the template");
    }

    Map<String, Object> stream = map(table.get("StreamSpecification"));
    assertNotNull(stream, "the analyze function reads the table's stream");
    assertEquals(local.streamSpecification().streamViewTypeAsString(), stream.get("StreamViewType"));

    Map<String, Object> ttl = map(table.get("TimeToLiveSpecification"));
    assertEquals(FeedbackTable.EXPIRES_AT, ttl.get("AttributeName"), "TTL attribute written by FeedbackSchema");
    assertEquals(Boolean.TRUE, ttl.get("Enabled"));
    assertEquals(Boolean.TRUE, map(table.get("SSESpecification")).get("SSEEnabled"));
  }

  @Test
  void digestAndThemeTablesAreTheGenericKeyedTable() {
    for (String logicalId : List.of("DigestTable", "ThemeTable")) {
      Map<String, Object> table = tableProperties(logicalId);
      CreateTableRequest local = KeyedTable.definition(logicalId.toLowerCase());
      assertCommonShape(table, local);
      assertTrue(!table.containsKey("GlobalSecondaryIndexes") && local.globalSecondaryIndexes().isEmpty(),
          logicalId + ": TableDefinitions.keyed has no GSI, nor may the template");
    }
  }

  private static void assertCommonShape(Map<String, Object> table, CreateTableRequest local) {
    String name = local.tableName();
    assertEquals(local.billingModeAsString(), table.get("BillingMode"), name + " billing mode");
    assertEquals(keySchema(local.keySchema()), keySchema(table.get("KeySchema")), name + " key schema");
    Map<String, String> expectedAttrs = local.attributeDefinitions().stream().collect(Collectors.toMap(
        AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString, (a, b) -> a, LinkedHashMap::new));
    Map<String, String> attrs = list(table.get("AttributeDefinitions")).stream().collect(Collectors.toMap(
        a -> (String) a.get("AttributeName"), a -> (String) a.get("AttributeType"), (a, b) -> a, LinkedHashMap::new));
    assertEquals(expectedAttrs, attrs, name + " attribute definitions");
    assertEquals(Boolean.TRUE, map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"),
        name + " point-in-time recovery");
  }

  private static Map<String, Object> tableProperties(String logicalId) {
    Map<String, Object> resource = map(resources.get(logicalId));
    assertNotNull(resource, "template.yaml has no resource " + logicalId);
    assertEquals("AWS::DynamoDB::Table", resource.get("Type"));
    return map(resource.get("Properties"));
  }

  /** "name:HASH", "name:RANGE" in declaration order. */
  private static List<String> keySchema(Object cfnOrSdk) {
    if (cfnOrSdk instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof KeySchemaElement) {
      return l.stream().map(k -> ((KeySchemaElement) k).attributeName() + ":" + ((KeySchemaElement) k).keyTypeAsString())
          .toList();
    }
    return list(cfnOrSdk).stream().map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    return o == null ? List.of() : (List<String>) o;
  }
}
