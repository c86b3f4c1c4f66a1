package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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
}
