package org.replycast.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.container.ClassContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR that the build made, imported whole, as every system test deploys it. */
public final class ReplycastEar {

    private static final String EJB_MODULE = "replycast-ejb.jar";
    private static final String WEB_MODULE = "replycast-web.war";

    private ReplycastEar() {}

    /** The EAR exactly as built, for tests that talk to it from outside. */
    public static EnterpriseArchive asBuilt() {
        File ear = new File(System.getProperty("replycast.it.ear", "../ear/target/replycast.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear + ": build it first (./mvnw install).");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /**
     * The EAR as built with test classes added to its EJB module, for tests that run inside the server and
     * use the services and repositories directly.
     */
    public static EnterpriseArchive withTestClasses(Class<?>... testClasses) {
        return withClassesIn(EJB_MODULE, JavaArchive.class, testClasses);
    }

    /**
     * The EAR as built with test resources added to its web module, for tests that talk to it from outside
     * through paths that only the test deployment has.
     */
    public static EnterpriseArchive withTestResources(Class<?>... resources) {
        return withClassesIn(WEB_MODULE, WebArchive.class, resources);
    }

    private static <A extends Archive<A> & ClassContainer<A>> EnterpriseArchive withClassesIn(
            String module, Class<A> type, Class<?>... classes) {
        EnterpriseArchive ear = asBuilt();
        A archive = ear.getAsType(type, module);
        archive.addClasses(classes);
        ear.delete(module);
        return ear.addAsModule(archive);
    }
}
