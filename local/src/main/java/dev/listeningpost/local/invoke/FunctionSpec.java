package dev.listeningpost.local.invoke;

import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of the template with Globals applied: what the Lambda
 * service needs to run it. Environment values are raw template values (strings or intrinsics).
 */
public record FunctionSpec(String logicalId, String handler, String codeUri, int memoryMb, int timeoutSeconds,
                    Map<String, Object> environment) {
}
