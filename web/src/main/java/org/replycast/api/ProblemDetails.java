package org.replycast.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.replycast.problem.ProblemType;

/**
 * The RFC 9457 body of a problem, the same whether JAX-RS, the servlet container or live distribution reports
 * it.
 */
public final class ProblemDetails {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://replycast.org/problems/";

    private ProblemDetails() {}

    public static String json(ProblemType type, String detail, String instance) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type.code())
                .add("title", type.title())
                .add("status", type.status())
                .add("detail", detail);
        if (instance != null) {
            body.add("instance", instance);
        }
        return body.build().toString();
    }
}
