package org.replycast.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** What every refusal of the API must look like: RFC 9457 problem details with the protocol's code. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    /** Asserts the status and code, a detail for a person, and nothing of the server's inside. */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = ApiClient.object(response);
        assertTrue(problem.getString("type").endsWith("/problems/" + code), problem.toString());
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.body().contains("Exception"), "no stack trace or class names: " + response.body());
        return problem;
    }

    /** Asserts an {@code invalid} problem whose detail names the field. */
    public static void assertInvalidNaming(String field, HttpResponse<String> response) {
        JsonObject problem = assertProblem(response, 400, "invalid");
        assertTrue(problem.getString("detail").contains(field), "detail should name " + field + ": " + problem);
    }
}
