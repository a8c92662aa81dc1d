package dev.listeningpost.local.invoke;

/**
 * A schedule event of a function in the template, parameters resolved.
 *
 * @param functionId logical id of the function it invokes
 * @param eventName  the event's name under {@code Events} (e.g. {@code Weekly})
 * @param expression EventBridge Scheduler expression ({@code cron(...)}, {@code rate(...)}, {@code at(...)})
 * @param timeZone   IANA zone the expression is evaluated in (UTC unless the event names one)
 * @param input      the JSON the function receives as its event
 */
public record FunctionSchedule(String functionId, String eventName, String expression, String timeZone, String input) {
}
