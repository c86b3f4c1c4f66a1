package org.reciprocity.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages a month should bring, written by hand: one line a message, {@code day recipient kind
 * channel language}; {@code #} starts a comment.
 */
final class Script {

    private Script() {
    }

    /** One message someone receives: on which day of the scenario, who, what, where and in which language. */
    record Message(int day, String recipient, String kind, String channel, String language) implements Comparable<Message> {
        @Override
        public int compareTo(Message o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return String.format("day %2d  %-5s %-28s %-6s %s", day, recipient, kind, channel, language);
        }
    }

    static List<Message> read(String resource) throws IOException {
        List<Message> messages = new ArrayList<>();
        try (InputStream in = Script.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                int comment = line.indexOf('#');
                String text = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (text.isEmpty()) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 5) {
                    throw new IllegalStateException(resource + " line " + number + ": expected day recipient kind channel"
                            + " language, got: " + line);
                }
                messages.add(new Message(Integer.parseInt(parts[0]), parts[1], parts[2], parts[3], parts[4]));
            }
        }
        return messages;
    }
}
