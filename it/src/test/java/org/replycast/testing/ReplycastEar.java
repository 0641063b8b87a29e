package org.replycast.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The EAR that the build made, imported whole, as every system test deploys it. */
public final class ReplycastEar {

    private static final String EJB_MODULE = "replycast-ejb.jar";

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
        EnterpriseArchive ear = asBuilt();
        JavaArchive services = ear.getAsType(JavaArchive.class, EJB_MODULE);
        services.addClasses(testClasses);
        ear.delete(EJB_MODULE);
        return ear.addAsModule(services);
    }
}
