package org.replycast.live;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.spec.ServletContextImpl;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link SegmentHandler} in front of the web application's servlet pipeline (registered in {@code
 * META-INF/services}): a live request then costs no dispatch to a worker thread, no security, session or
 * request-context handlers and no servlet objects, which together were most of its CPU under many viewers.
 */
public class SegmentHandlerExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        deploymentInfo.addInitialHandlerChainWrapper(
                next -> new SegmentHandler(next, ((ServletContextImpl) servletContext).getDeployment()));
    }
}
