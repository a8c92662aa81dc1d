package dev.listeningpost.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.local.invoke.CfnYaml;
import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;

/**
 * The policy check itself, on template.yaml parsed in memory (and on modified copies of it): what a
 * call needs ({@link IamActions}), what the template grants ({@link TemplateIam}) and whether one
 * covers the other ({@link PolicyCheck}). {@code TemplatePoliciesIT} feeds it the calls the functions
 * really make.
 */
class TemplatePoliciesTest {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";
  private static final String SENDER = "digest@example.com";

  private Map<String, Object> template;

  @BeforeEach
  void parseAFreshCopy() throws IOException {
    template = CfnYaml.load(SampleEvents.ROOT.resolve("template.yaml"));
  }

  @Test
  void theTemplateGrantsTheCallsOfEachFunction() {
    assertAllowed("ThemesFunction", call("dynamodb", "UpdateItem", Map.of("TableName", "ThemeTable")));
    assertAllowed("ReadApiFunction", call("dynamodb", "Query", Map.of("TableName", "FeedbackTable", "IndexName", "byDay")));
    assertAllowed("IngestFunction", call("dynamodb", "PutItem", Map.of("TableName", "FeedbackTable")));
    assertAllowed("DigestFunction", call("dynamodb", "PutItem", Map.of("TableName", "DigestTable")));
  }

  @Test
  void aFunctionWhosePolicyWasRemovedIsReported() {
    IamRequest themeWrite = call("dynamodb", "UpdateItem", Map.of("TableName", "ThemeTable")).get(0);
    List<?> policies = (List<?>) properties("ThemesFunction").get("Policies");
    assertTrue(policies.removeIf(p -> p.toString().equals("{DynamoDBCrudPolicy={TableName={Ref=ThemeTable}}}")), policies::toString);

    assertEquals(List.of("dynamodb:UpdateItem on arn:aws:dynamodb:us-east-1:123456789012:table/ThemeTable: no policy "
        + "allows it (needed by dynamodb:UpdateItem)"), denied("ThemesFunction", List.of(themeWrite)));
  }

  @Test
  void aReadOnlyFunctionMayNotWrite() {
    assertEquals(1, denied("ReadApiFunction", call("dynamodb", "PutItem", Map.of("TableName", "FeedbackTable"))).size());
    assertEquals(1, denied("DigestFunction", call("dynamodb", "UpdateItem", Map.of("TableName", "FeedbackTable"))).size());
  }

  @Test
  void ingestReadsSecretsUnderTheSecretsPathOnly() {
    List<IamRequest> read = IamActions.of(new AwsCall("ssm", "GetParameters", REGION, SdkCallRecorder.fields(
        GetParametersRequest.builder().names("/listening-post/slack/signing-secret").withDecryption(true).build())), ACCOUNT);
    assertEquals("arn:aws:ssm:us-east-1:123456789012:parameter/listening-post/slack/signing-secret", read.get(0).resource());
    assertEquals(List.of(), denied("IngestFunction", read));

    Map<String, String> elsewhere = new LinkedHashMap<>(parameters());
    elsewhere.put("SecretsPath", "/other-app/");
    assertEquals(1, PolicyCheck.denied(read, iam(elsewhere).statements("IngestFunction"), UnaryOperator.identity()).size());
    assertEquals(1, denied("IngestFunction", call("ssm", "GetParametersByPath", Map.of("Path", "/listening-post/"))).size());
  }

  @Test
  void theDigestMaySendFromItsSenderOnly() {
    List<IamRequest> fromSender = IamActions.of(new AwsCall("ses", "SendEmail", REGION, SdkCallRecorder.fields(
        SendEmailRequest.builder().fromEmailAddress("Listening Post <" + SENDER + ">").build())), ACCOUNT);
    assertEquals(new IamRequest("ses:SendEmail", "arn:aws:ses:us-east-1:123456789012:identity/" + SENDER,
        Map.of("ses:FromAddress", SENDER), "ses:SendEmail from " + SENDER), fromSender.get(0));
    assertEquals(List.of(), denied("DigestFunction", fromSender));

    List<String> other = denied("DigestFunction", call("ses", "SendEmail", Map.of("FromEmailAddress", "ceo@example.com")));
    assertEquals(1, other.size(), other::toString);
    assertEquals(1, denied("IngestFunction", fromSender).size(), "only the digest sends mail");
  }

  @Test
  void theStreamAndItsFailureDestinationAreGrantedToTheAnalyzeFunction() {
    List<IamRequest> platform = iam(parameters()).platformRequests("AnalyzeFunction");
    assertEquals(List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
        "sqs:SendMessage"), platform.stream().map(IamRequest::action).toList());
    assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/FeedbackTable/stream/" + CfnValues.STREAM_LABEL,
        platform.get(0).resource());
    assertEquals(List.of(), denied("AnalyzeFunction", platform));
  }

  @Test
  void theFailureDestinationNeedsSamsGrantOrAPolicy() {
    Map<String, Object> onFailure = CfnValues.map(CfnValues.map(CfnValues.map(CfnValues.map(CfnValues.map(
        properties("AnalyzeFunction").get("Events")).get("FeedbackStream")).get("Properties")).get("DestinationConfig"))
        .get("OnFailure"));
    onFailure.remove("Type");
    List<IamRequest> platform = iam(parameters()).platformRequests("AnalyzeFunction");
    assertEquals(List.of(), denied("AnalyzeFunction", platform), "SQSSendMessagePolicy still grants it");

    ((List<?>) properties("AnalyzeFunction").get("Policies")).removeIf(p -> p.toString().startsWith("{SQSSendMessagePolicy"));

    List<String> denied = denied("AnalyzeFunction", platform);
    assertEquals(1, denied.size(), denied::toString);
    assertTrue(denied.get(0).startsWith("sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:DeadLetterQueue"), denied::toString);
  }

  @Test
  void aCallOfAServiceNoPolicyMentionsIsReported() {
    List<IamRequest> publish = call("sns", "Publish", Map.of("TopicArn", "arn:aws:sns:us-east-1:123456789012:alarms"));
    assertEquals(List.of("sns:Publish on arn:aws:sns:us-east-1:123456789012:alarms: no policy allows it (needed by sns:Publish)"),
        denied("DigestFunction", publish));
  }

  @Test
  void callsMapToTheirIamActionsAndResources() {
    String table = "arn:aws:dynamodb:us-east-1:123456789012:table/";
    assertEquals(List.of(new IamRequest("dynamodb:Query", table + "t/index/byDay", "dynamodb:Query")),
        IamActions.of(new AwsCall("dynamodb", "Query", REGION, SdkCallRecorder.fields(
            QueryRequest.builder().tableName("t").indexName("byDay").build())), ACCOUNT));
    TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("a")).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName("b")).build()).build();
    assertEquals(List.of("dynamodb:PutItem " + table + "a", "dynamodb:ConditionCheckItem " + table + "b"),
        IamActions.of(new AwsCall("dynamodb", "TransactWriteItems", REGION, SdkCallRecorder.fields(transaction)), ACCOUNT)
            .stream().map(r -> r.action() + " " + r.resource()).toList());
    assertEquals("dynamodb:BatchWriteItem " + table + "a", IamActions.of(new AwsCall("dynamodb", "BatchWriteItem", REGION,
        Map.of("RequestItems", Map.of("a", List.of()))), ACCOUNT).stream().map(r -> r.action() + " " + r.resource())
        .findFirst().orElseThrow());
    assertEquals(new IamRequest("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:dlq", "sqs:SendMessageBatch"),
        IamActions.of(new AwsCall("sqs", "SendMessageBatch", REGION,
            Map.of("QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/dlq")), ACCOUNT).get(0));
    assertEquals(new IamRequest("s3:GetObject", "*", "s3:GetObject"),
        IamActions.of(new AwsCall("s3", "GetObject", REGION, Map.of("Bucket", "b")), ACCOUNT).get(0));
    assertEquals("ses", SdkCallRecorder.iamPrefix("SESv2"));
    assertEquals("dynamodb", SdkCallRecorder.iamPrefix("DynamoDB Streams"));
  }

  @Test
  void everyFunctionsPoliciesExpand() throws IOException {
    TemplateIam iam = iam(parameters());
    assertEquals(SamTemplate.load(SampleEvents.ROOT.resolve("template.yaml")).functions().keySet().stream().toList(),
        iam.functions());
    for (String fn : iam.functions()) {
      assertTrue(iam.statements(fn).size() >= 2, fn);
    }
  }

  /** The template's parameter defaults, and values for the two parameters that have none. */
  static Map<String, String> parameters() throws IllegalStateException {
    try {
      Map<String, String> p = new LinkedHashMap<>(SamTemplate.load(SampleEvents.ROOT.resolve("template.yaml")).parameterDefaults());
      p.put("DigestSender", SENDER);
      p.put("DigestRecipients", "exec@example.com");
      // The author of events/ingest/apigw/slack-message.json: events/alerts/scheduled-at.json alerts on it.
      p.put("KeyAccounts", "slack:U0ADA");
      return p;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private TemplateIam iam(Map<String, String> parameters) {
    return new TemplateIam(template, new CfnValues(template, REGION, ACCOUNT, parameters, Map.of()));
  }

  private List<String> denied(String function, List<IamRequest> requests) {
    return PolicyCheck.denied(requests, iam(parameters()).statements(function), UnaryOperator.identity());
  }

  private void assertAllowed(String function, List<IamRequest> requests) {
    assertEquals(List.of(), denied(function, requests));
  }

  private static List<IamRequest> call(String service, String operation, Map<String, Object> fields) {
    return IamActions.of(new AwsCall(service, operation, REGION, fields), ACCOUNT);
  }

  private Map<String, Object> properties(String function) {
    return CfnValues.map(CfnValues.map(CfnValues.map(template.get("Resources")).get(function)).get("Properties"));
  }
}
