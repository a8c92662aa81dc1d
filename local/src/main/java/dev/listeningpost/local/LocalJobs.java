package dev.listeningpost.local;

import java.util.Map;

/** The read API beyond feedback, and the scheduled jobs run on demand. */
interface LocalJobs {

  record Result(int status, String contentType, String body) {
  }

  Result handle(String method, String path, Map<String, String> query);
}
