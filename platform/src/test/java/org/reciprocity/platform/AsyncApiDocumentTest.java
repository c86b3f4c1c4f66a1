package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;

/** docs/asyncapi.yaml says exactly what the contracts publish. */
class AsyncApiDocumentTest {

    @Test
    void theCommittedAsyncApiDocumentMatchesTheContracts() throws Exception {
        Path file = Path.of(System.getProperty("reciprocity.project.dir", ".."), "docs", "asyncapi.yaml");
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(file, AsyncApiDocument.render());
        }
        assertThat(file).as("docs/asyncapi.yaml exists").exists();
        assertThat(Files.readString(file))
                .as("docs/asyncapi.yaml is stale: rerun this test with -Dasyncapi.write=true and commit it")
                .isEqualTo(AsyncApiDocument.render());
    }

    @Test
    void aCompactedTopicsDeadLettersAreSaidToBeKeptNoLongerThanTheCompactionLag() {
        String document = AsyncApiDocument.render();
        String details = document.substring(document.indexOf("address: " + Topics.MEMBER_DETAILS_TOPIC + "-dlt"));
        assertThat(details.substring(0, details.indexOf('\n', details.indexOf("description:"))))
                .contains("no longer than the compaction lag (24 hours)").doesNotContain("30 days");
        String members = document.substring(document.indexOf("address: " + Topics.MEMBERS_TOPIC + "-dlt"));
        assertThat(members.substring(0, members.indexOf('\n', members.indexOf("description:")))).contains("Kept 30 days.");
    }
}
