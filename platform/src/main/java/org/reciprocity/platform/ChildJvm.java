package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a Java program in its own JVM, its output appended to a log file, and stops it gently. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Runs {@code mainAndArgs} on this JVM's own classpath. */
    static Process start(String name, List<String> mainAndArgs, Map<String, String> env, Path logFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx768m", "-Dlog4j2.configurationFile=classpath:kafka-log4j2.xml",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return launch(command, env, logFile);
    }

    /** Runs an executable jar (a Spring Boot service). */
    static Process startJar(Path jar, List<String> jvmOptions, Map<String, String> env, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return launch(command, env, logFile);
    }

    private static Process launch(List<String> command, Map<String, String> env, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
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
