package org.replycast.data;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one folder where everything Replycast must keep lives ({@code replycast.data.dir}, set by {@code
 * ./replycast run}); WildFly's own data folder when it is not set. Keys, live streams and stored replies each
 * have their place below it, so that several nodes can share it as one volume.
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "replycast.data.dir")
    Optional<String> configured;

    private Path root;

    @PostConstruct
    void resolve() {
        root = Path.of(configured.orElseGet(() -> System.getProperty("jboss.server.data.dir", "data")))
                .toAbsolutePath();
    }

    /** A place below the data directory, such as {@code keys} or {@code live}; not created here. */
    public Path resolve(String place) {
        return root.resolve(place);
    }
}
