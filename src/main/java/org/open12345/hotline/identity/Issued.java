package org.open12345.hotline.identity;

import io.vertx.core.json.JsonObject;

/**
 * A new account or token and its secret (a one-time password, an API token), shown once to
 * whoever created it and stored only as a hash.
 */
public record Issued(JsonObject view, String secret) {}
