package org.reciprocity.contracts;

import java.nio.file.Files;
import java.nio.file.Path;

import org.reciprocity.contracts.kafka.EventJson;

/** Writes a golden file for a new event type; run by hand, once, then review the file. */
final class GoldenWriter {
    public static void main(String[] args) throws Exception {
        for (DomainEvent e : EventSamples.all()) {
            Path file = Path.of("src/test/resources/golden", EventTypes.of(e).name().substring("reciprocity.".length()) + ".json");
            if (!Files.exists(file)) {
                Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n");
                System.out.println("wrote " + file);
            }
        }
    }
}
