package org.reciprocity.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Issue 11, finding 8: a value is read as sent or refused, never quietly changed. */
class StrictJsonTest {

    enum Side { GIVER, RECEIVER }

    record Log(long minutes, Long resolvedMinutes, String note, Boolean consent, Side side, List<String> ids) {
    }

    private final JsonMapper strict = strict();

    @Test
    void aWellFormedBodyIsReadAsSent() {
        Log log = strict.readValue("""
                {"minutes": 5, "resolvedMinutes": null, "note": "Thank you,\\nAli\\t:)", "consent": true,
                 "side": "GIVER", "ids": ["a", "b"]}""", Log.class);

        assertThat(log).isEqualTo(new Log(5, null, "Thank you,\nAli\t:)", true, Side.GIVER, List.of("a", "b")));
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertRefusedAt("{\"minutes\": 5.5}", "minutes");
        assertRefusedAt("{\"resolvedMinutes\": 1.5}", "resolvedMinutes");
    }

    @Test
    void textIsNotANumberAndANumberIsNotText() {
        assertRefusedAt("{\"minutes\": \"5\"}", "minutes");
        assertRefusedAt("{\"minutes\": \"\"}", "minutes");
        assertRefusedAt("{\"note\": 42}", "note");
        assertRefusedAt("{\"note\": 4.2}", "note");
        assertRefusedAt("{\"note\": true}", "note");
        assertRefusedAt("{\"ids\": [\"a\", 7]}", "ids");
    }

    @Test
    void trueIsNotOneAndAnEnumIsNamedNotNumbered() {
        assertRefusedAt("{\"consent\": 1}", "consent");
        assertRefusedAt("{\"consent\": \"true\"}", "consent");
        assertRefusedAt("{\"side\": 0}", "side");
    }

    @Test
    void controlCharactersAreRefusedInEveryTextButLineBreaksAndTabs() {
        for (String control : new String[] {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\ud800"}) {
            assertRefusedAt("{\"note\": \"a" + control + "b\"}", "note");
            assertRefusedAt("{\"ids\": [\"a" + control + "b\"]}", "ids");
        }
        assertThat(strict.readValue("{\"minutes\": 1, \"note\": \"a\\r\\nb\\tc \\ud83d\\ude00\"}", Log.class).note())
                .isEqualTo("a\r\nb\tc \uD83D\uDE00");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertThatThrownBy(() -> strict.readValue("{\"minutes\": 5, \"minutes\": 500}", Log.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void jacksonsDefaultWouldHaveChangedTheseQuietly() {
        JsonMapper lenient = JsonMapper.builder().build();

        assertThat(lenient.readValue("{\"minutes\": 5.5}", Log.class).minutes()).isEqualTo(5);
        assertThat(lenient.readValue("{\"minutes\": 1, \"note\": 42}", Log.class).note()).isEqualTo("42");
        assertThat(lenient.readValue("{\"minutes\": 1, \"note\": \"a\\u0000b\"}", Log.class).note()).isEqualTo("a\u0000b");
    }

    private void assertRefusedAt(String json, String field) {
        assertThatThrownBy(() -> strict.readValue(json, Log.class)).as(json)
                .isInstanceOfSatisfying(JacksonException.class,
                        e -> assertThat(e.getPath()).first().extracting(JacksonException.Reference::getPropertyName)
                                .isEqualTo(field));
    }

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }
}
