package org.replycast.console;

import jakarta.faces.component.ActionSource;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Refuses with {@code 403} a console postback that names a button or link the page did not render, such as
 * an administrator's control forged into an operator's request. Faces would only ignore it; refusing it tells
 * the forger so, and {@link Permitted} still guards the actions that are rendered.
 */
public class HiddenActionGuard implements PhaseListener {

    private static final Logger LOG = Logger.getLogger(HiddenActionGuard.class.getName());
    private static final String AJAX_SOURCE = "jakarta.faces.source";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        UIViewRoot view = faces.getViewRoot();
        if (!faces.isPostback() || view == null || !view.getViewId().startsWith("/console/")) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        Set<String> named = new HashSet<>(external.getRequestParameterMap().keySet());
        String ajaxSource = external.getRequestParameterMap().get(AJAX_SOURCE);
        if (ajaxSource != null) {
            named.add(ajaxSource);
        }
        for (String clientId : named) {
            if (clientId.indexOf(faces.getNamingContainerSeparatorChar()) > 0
                    && isHiddenAction(faces, view, clientId)) {
                LOG.warning(() -> "console: " + external.getRemoteUser() + " named the hidden action " + clientId
                        + " on " + view.getViewId() + "; refused");
                refuse(faces);
                return;
            }
        }
    }

    private static boolean isHiddenAction(FacesContext faces, UIViewRoot view, String clientId) {
        boolean[] hidden = {false};
        view.invokeOnComponent(faces, clientId, (context, component) -> {
            if (component instanceof ActionSource) {
                for (UIComponent shown = component; shown != null; shown = shown.getParent()) {
                    if (!shown.isRendered()) {
                        hidden[0] = true;
                        return;
                    }
                }
            }
        });
        return hidden[0];
    }

    private static void refuse(FacesContext faces) {
        try {
            faces.getExternalContext().responseSendError(403, "Your role does not allow this.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // Nothing before the view is restored: there is nothing to look up yet.
    }
}
