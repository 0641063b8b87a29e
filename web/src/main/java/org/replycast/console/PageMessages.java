package org.replycast.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Collection;
import org.replycast.problem.ProblemException;

/**
 * What a console page says after an action: that it was done, or a service's refusal, beside the field it names when its detail starts with the
 * name of one of the form's fields (the services' rules say "timeZone must be …"), above the page otherwise.
 */
public final class PageMessages {

    private PageMessages() {}

    /**
     * @param form the form's id, whose inputs have the ids of the service's field names
     * @param fields the field names that the form shows
     */
    public static void refused(ProblemException refusal, String form, Collection<String> fields) {
        String detail = refusal.detail();
        int space = detail.indexOf(' ');
        String named = space < 0 ? detail : detail.substring(0, space);
        FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, detail);
        FacesContext.getCurrentInstance().addMessage(fields.contains(named) ? form + ":" + named : null, message);
    }

    /** The refusal's detail beside the input of the client id given. */
    public static void refusedBeside(String clientId, ProblemException refusal) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.detail(), refusal.detail()));
    }

    /** A rule of the page itself broken, said beside the input of the client id given. */
    public static void invalid(String clientId, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    /** A message above the page. */
    public static void refused(ProblemException refusal) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.detail(), refusal.detail()));
    }

    /** Says above the page that something was done. */
    public static void done(String summary) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, summary));
    }
}
