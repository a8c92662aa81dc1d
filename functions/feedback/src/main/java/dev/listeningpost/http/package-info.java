/**
 * The one HTTP vocabulary of every surface (the webhook function, the read API function and the
 * local server): a request with its raw body, a response, RFC 9457 problems, the route table, and
 * the API Gateway HTTP API (payload 2.0) mapping. Only {@link dev.listeningpost.http.ApiGatewayHttp}
 * knows Lambda types; everything else is plain Java so domain code stays free of them.
 */
package dev.listeningpost.http;
