package dev.listeningpost.local.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One IAM policy statement with its values resolved: whether it matches a request as IAM evaluates
 * it (actions case-insensitively, {@code *} and {@code ?} wildcards in actions and resources, every
 * condition operator true). {@code origin} says where in the template it comes from.
 *
 * @param conditions operator -> condition key -> allowed values
 */
record IamStatement(String origin, boolean allow, List<String> actions, List<String> resources,
                    Map<String, Map<String, List<String>>> conditions) {

  boolean matches(IamRequest request) {
    return actions.stream().anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT)).matcher(request.action().toLowerCase(Locale.ROOT)).matches())
        && resources.stream().anyMatch(r -> wildcard(r).matcher(request.resource()).matches())
        && conditions.entrySet().stream().allMatch(c -> holds(c.getKey(), c.getValue(), request.context()));
  }

  private static boolean holds(String operator, Map<String, List<String>> keys, Map<String, String> context) {
    boolean ifExists = operator.endsWith("IfExists");
    String op = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
    return keys.entrySet().stream().allMatch(k -> {
      String actual = context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(k.getKey()))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (actual == null) {
        // IAM: a condition on a key the request does not carry is false (true with ...IfExists).
        return ifExists;
      }
      return switch (op) {
        case "StringEquals", "ArnEquals" -> k.getValue().contains(actual);
        case "StringNotEquals", "ArnNotEquals" -> !k.getValue().contains(actual);
        case "StringEqualsIgnoreCase" -> k.getValue().stream().anyMatch(actual::equalsIgnoreCase);
        case "StringLike", "ArnLike" -> k.getValue().stream().anyMatch(v -> wildcard(v).matcher(actual).matches());
        case "StringNotLike", "ArnNotLike" -> k.getValue().stream().noneMatch(v -> wildcard(v).matcher(actual).matches());
        case "Bool" -> k.getValue().stream().anyMatch(actual::equalsIgnoreCase);
        default -> throw new IllegalArgumentException("unsupported condition operator " + operator);
      };
    });
  }

  static Pattern wildcard(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
