package org.replycast.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives JAX-RS one JSON-B instance, with the default configuration, for every JSON body of the API. Without
 * it RESTEasy builds a new one for each response: a ServiceLoader scan and Yasson's set-up under class-loader
 * locks, which cost more than everything else a terminal's signed read does (see docs/benchmarks.md). A
 * {@link Jsonb} is thread-safe, and lives as long as the application.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
