package org.reciprocity.platform.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the demo loader has done already, in the data folder beside the store ({@code data/demo.properties}):
 * the ids the services gave (members, listings, matches) and each step done. Written after every step
 * (to a temporary file, then moved over), so a start that stops half-way goes on where it stopped and
 * a later start finds everything done and writes nothing.
 */
final class DemoState {

    private final Path file;
    private final Properties values = new Properties();

    DemoState(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    boolean done(String step) {
        return values.containsKey(step);
    }

    void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    void markDone(String step) {
        put(step, "done");
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                values.store(out, "what the demo loader did (RECIPROCITY_DEMO=true); delete with the data folder only");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
