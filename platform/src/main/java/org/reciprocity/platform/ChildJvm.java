package org.reciprocity.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Starts a Java program in its own JVM, its output appended to a log file, and stops it gently.
 * Every child runs under {@link ParentWatch}, so it stops when this JVM does, however this JVM ends.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Runs {@code mainAndArgs} on this JVM's own classpath, with a heap of up to 768 MB. */
    static Process start(Path dataDir, List<String> mainAndArgs, Map<String, String> env, Path logFile) throws IOException {
        return start(dataDir, List.of("-Xmx768m"), mainAndArgs, env, logFile);
    }

    /** Runs {@code mainAndArgs} on this JVM's own classpath, with these JVM options (see {@link JvmOptions}). */
    static Process start(Path dataDir, List<String> jvmOptions, List<String> mainAndArgs, Map<String, String> env, Path logFile)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), PidFiles.marker(dataDir)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dlog4j2.configurationFile=classpath:kafka-log4j2.xml", "-cp", System.getProperty("java.class.path"),
                ParentWatch.class.getName(), Long.toString(ProcessHandle.current().pid())));
        command.addAll(mainAndArgs);
        return launch(command, env, logFile);
    }

    /**
     * Runs an executable jar (a Spring Boot service): its own launcher class, named in its manifest,
     * run under {@link ParentWatch} from a folder that holds that one class and nothing else.
     */
    static Process startJar(Path dataDir, Path jar, List<String> jvmOptions, Map<String, String> env, Path logFile)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), PidFiles.marker(dataDir)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", ParentWatch.classpath(dataDir) + File.pathSeparator + jar,
                ParentWatch.class.getName(), Long.toString(ProcessHandle.current().pid()), mainClass(jar)));
        return launch(command, env, logFile);
    }

    private static String mainClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Main-Class");
        }
    }

    private static Process launch(List<String> command, Map<String, String> env, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        // stdin stays a pipe from this JVM: ParentWatch in the child reads its end as a sign of life
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc's arenas for every JVM of the platform; what the child is given itself comes after
        builder.environment().putAll(JvmOptions.environment());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** SIGTERM (the child's own graceful shutdown), then SIGKILL if it has not finished in time. */
    static void stop(Process process, Duration grace) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
