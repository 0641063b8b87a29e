package org.replycast.console;

import jakarta.annotation.Priority;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Enforces {@link Permitted}: a caller without one of its roles gets {@code 403} and the action never runs.
 * Serializable, as view-scoped page beans need their interceptors to be.
 */
@Permitted({})
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PermittedInterceptor implements Serializable {

    private static final Logger LOG = Logger.getLogger(PermittedInterceptor.class.getName());

    @Inject
    ConsoleUser user;

    @AroundInvoke
    public Object refuseOtherRoles(InvocationContext invocation) throws Exception {
        Permitted onMethod = invocation.getMethod().getAnnotation(Permitted.class);
        Permitted permitted = onMethod != null
                ? onMethod
                : invocation.getMethod().getDeclaringClass().getAnnotation(Permitted.class);
        if (Arrays.stream(permitted.value()).anyMatch(user::has)) {
            return invocation.proceed();
        }
        String action = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                + invocation.getMethod().getName();
        LOG.warning(() -> "console: " + user.getName() + " refused " + action + ", which needs "
                + Arrays.toString(permitted.value()));
        refuse();
        return null;
    }

    private static void refuse() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            throw new SecurityException("Your role does not allow this.");
        }
        ExternalContext external = faces.getExternalContext();
        external.responseSendError(403, "Your role does not allow this.");
        faces.responseComplete();
    }
}
