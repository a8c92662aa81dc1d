package dev.listeningpost.local.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Which requests a function's statements do not allow: no Allow matches, or a Deny does. */
final class PolicyCheck {
  private PolicyCheck() {
  }

  /**
   * One line per distinct request that is not allowed.
   *
   * @param describe adds what an ARN means to a reader (e.g. the logical id of a table)
   */
  static List<String> denied(Collection<IamRequest> requests, List<IamStatement> statements, UnaryOperator<String> describe) {
    Set<String> out = new LinkedHashSet<>();
    for (IamRequest r : requests) {
      boolean allowed = statements.stream().anyMatch(s -> s.allow() && s.matches(r));
      List<String> denies = statements.stream().filter(s -> !s.allow() && s.matches(r)).map(IamStatement::origin).toList();
      if (!allowed || !denies.isEmpty()) {
        out.add(r.action() + " on " + describe.apply(r.resource())
            + (r.context().isEmpty() ? "" : " with " + r.context())
            + (denies.isEmpty() ? ": no policy allows it" : ": denied by " + denies)
            + " (needed by " + r.cause() + ")");
      }
    }
    return new ArrayList<>(out);
  }
}
