package dev.listeningpost.local.invoke;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;

/**
 * Event and response (de)serialization as the Lambda Java runtime does it, with its own library
 * (aws-lambda-java-serialization, the version the runtime interface client ships): event classes of
 * aws-lambda-java-events through their dedicated serializers, every other type through the
 * runtime's Jackson. So an event that binds here binds in Lambda, and a type the runtime cannot
 * build fails here too.
 */
public final class RuntimeSerialization {
  private RuntimeSerialization() {
  }

  @SuppressWarnings("unchecked")
  public static PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
    if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, loader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
