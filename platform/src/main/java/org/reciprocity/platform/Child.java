package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.Path;

/** A process the launcher starts, watches and starts again: the broker or a service. */
interface Child {

    String name();

    /** Starts a fresh process; each call is a new start (the first or a restart). */
    Process launch() throws IOException;

    /** True once the process answers as it should (the broker's cluster, a service's health UP). */
    boolean isHealthy();

    /** Where the process writes its output, to point at when it stops. */
    Path logFile();
}
