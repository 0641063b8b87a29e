package org.replycast.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The console's front page: the overview for those who run the place; moderators go straight to messages. */
@Named
@RequestScoped
public class Dashboard {

    @Inject
    ExternalContext externalContext;

    @Inject
    ConsoleUser user;

    /** The view action of the front page. */
    public void open() throws IOException {
        if (!user.isOperating()) {
            externalContext.redirect(externalContext.getRequestContextPath() + "/console/messages.xhtml");
        }
    }
}
