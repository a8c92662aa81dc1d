package dev.listeningpost.local;

import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;

/** The digests and the scheduled jobs on demand: what the local-only routes of {@link LocalRoutes} serve. */
interface LocalJobs {

  HttpResponse handle(HttpRequest request);
}
