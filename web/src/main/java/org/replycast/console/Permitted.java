package org.replycast.console;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A console action that only the roles named may take. The page hides what a role may not do; this refuses it
 * when a request is forged anyway, with {@code 403} and nothing changed.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Permitted {

    @Nonbinding
    ConsoleRole[] value();
}
