package dev.listeningpost.local.template;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.HandlerTypes;
import dev.listeningpost.local.invoke.RuntimeSerialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether an event binds to a function's input type as the Lambda Java runtime binds it (its own
 * serializers, {@link RuntimeSerialization}) without losing what the handler needs:
 * <ul>
 *   <li>no field of the JSON is dropped: the bound object, written back by the same serializer,
 *       still has every non-null field of the file (a misspelt or misplaced field is silently
 *       ignored by the runtime, so the handler would see null);</li>
 *   <li>the fields the handlers read are there: API Gateway events have
 *       {@code requestContext.http.method} and {@code rawPath}; stream records have an
 *       {@code eventName}, keys, a sequence number and the image the record kind carries
 *       ({@code NewImage} for INSERT and MODIFY, {@code OldImage} for REMOVE).</li>
 * </ul>
 */
final class EventCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventCheck() {
  }

  /** The function's input type: the handler class's RequestHandler type argument. */
  static Type inputType(FunctionSpec fn) {
    try {
      return HandlerTypes.of(Class.forName(fn.handler(), false, EventCheck.class.getClassLoader())).input();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(fn.logicalId() + ": handler class not found: " + fn.handler(), e);
    }
  }

  /** What is wrong with the event for a handler of this input type; empty when it binds whole. */
  static List<String> problems(byte[] event, Type input) {
    PojoSerializer<Object> serializer = RuntimeSerialization.serializerFor(input, EventCheck.class.getClassLoader());
    Object bound;
    try {
      bound = serializer.fromJson(new ByteArrayInputStream(event));
    } catch (RuntimeException e) {
      return List.of("does not deserialize into " + input.getTypeName() + ": " + e);
    }
    List<String> out = new ArrayList<>();
    try {
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      serializer.toJson(bound, written);
      lostFields("", JSON.readTree(event), JSON.readTree(written.toByteArray()), out);
    } catch (IOException e) {
      out.add("not JSON: " + e.getMessage());
    }
    out.addAll(missingKeyFields(bound));
    return out;
  }

  /** Paths of non-null values in the original that the bound object does not carry. */
  private static void lostFields(String path, JsonNode original, JsonNode bound, List<String> out) {
    if (original.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
        if (f.getValue().isNull()) {
          continue;
        }
        JsonNode b = bound == null ? null : bound.get(f.getKey());
        if (b == null || b.isNull()) {
          out.add("field " + p + " is dropped by the binding (unknown to the event type, or misspelt)");
        } else {
          lostFields(p, f.getValue(), b, out);
        }
      }
    } else if (original.isArray() && bound != null && bound.isArray()) {
      for (int i = 0; i < original.size(); i++) {
        lostFields(path + "[" + i + "]", original.get(i), bound.get(i), out);
      }
    }
  }

  private static List<String> missingKeyFields(Object bound) {
    List<String> out = new ArrayList<>();
    if (bound instanceof APIGatewayV2HTTPEvent e) {
      if (e.getRequestContext() == null || e.getRequestContext().getHttp() == null
          || e.getRequestContext().getHttp().getMethod() == null) {
        out.add("no requestContext.http.method");
      }
      if (e.getRawPath() == null) {
        out.add("no rawPath");
      }
    } else if (bound instanceof DynamodbEvent e) {
      if (e.getRecords() == null || e.getRecords().isEmpty()) {
        out.add("no Records");
        return out;
      }
      for (int i = 0; i < e.getRecords().size(); i++) {
        out.addAll(recordProblems("Records[" + i + "]", e.getRecords().get(i)));
      }
    }
    return out;
  }

  private static List<String> recordProblems(String at, DynamodbEvent.DynamodbStreamRecord r) {
    List<String> out = new ArrayList<>();
    var d = r.getDynamodb();
    if (r.getEventName() == null || d == null) {
      out.add(at + ": no eventName or dynamodb");
      return out;
    }
    if (d.getKeys() == null || d.getKeys().isEmpty() || d.getSequenceNumber() == null) {
      out.add(at + ": no dynamodb.Keys or dynamodb.SequenceNumber");
    }
    boolean removed = "REMOVE".equals(r.getEventName());
    var image = removed ? d.getOldImage() : d.getNewImage();
    if (image == null || image.isEmpty()) {
      out.add(at + ": a " + r.getEventName() + " record without dynamodb." + (removed ? "OldImage" : "NewImage"));
    }
    return out;
  }
}
