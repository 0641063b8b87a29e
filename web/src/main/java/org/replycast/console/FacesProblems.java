package org.replycast.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.replycast.problem.ProblemException;

/**
 * Shows a service's refusal on a console page: beside the field its detail names first (the services name
 * the field a rule is about, "terminalId must be …"), or at the top of the page when it names none of the
 * form's fields.
 */
public final class FacesProblems {

    private FacesProblems() {}

    /**
     * @param fields the service's field names, each with the client id of the input that holds it
     */
    public static void show(ProblemException problem, Map<String, String> fields) {
        String detail = problem.detail();
        String clientId = fields.entrySet().stream()
                .filter(field -> detail.startsWith(field.getKey() + " ") || detail.startsWith(field.getKey() + ":"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        error(clientId, detail);
    }

    /** An error beside the input with the client id, or at the top of the page when it is null. */
    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A confirmation at the top of the page. */
    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
