package dev.listeningpost.local.template;

import java.util.Map;

/**
 * What IAM authorizes for one call: an action on a resource ARN, with the request's condition keys
 * (e.g. {@code ses:FromAddress}); {@code cause} says which call or event needs it.
 */
record IamRequest(String action, String resource, Map<String, String> context, String cause) {

  IamRequest(String action, String resource, String cause) {
    this(action, resource, Map.of(), cause);
  }
}
