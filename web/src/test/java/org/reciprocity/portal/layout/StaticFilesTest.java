package org.reciprocity.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A browser keeps the portal's static files for a year and asks for them again only under a new address: every
 * static link of a page names its version, each answers with a year's public cache, and the pages themselves are
 * never stored (they hold personal data).
 */
class StaticFilesTest extends PortalTest {

    private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");
    private static final String A_YEAR = "max-age=31536000";

    @Autowired
    MockMvc mvc;

    @Test
    void everyStaticLinkOfAPageNamesItsVersionAndIsKeptForAYear() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> links = STATIC_LINK.matcher(page).results().map(m -> m.group(1)).toList();

        assertThat(links).as("the page's static links").hasSizeGreaterThanOrEqualTo(5)
                .allMatch(link -> link.matches("/(css|js)/[a-z-]+-[0-9a-f]{32}\\.(css|js)")
                        || link.matches("/webjars/[^/]+/[0-9][^/]*/.+"), "names its version");
        for (String link : links) {
            MockHttpServletResponse file = mvc.perform(get(link)).andReturn().getResponse();
            assertThat(file.getStatus()).as(link).isEqualTo(200);
            assertThat(file.getHeader("Cache-Control")).as(link).contains(A_YEAR).contains("public").doesNotContain("no-store");
        }
    }

    @Test
    void aPageIsNeverStored() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(page.getHeader("Cache-Control")).contains("no-store").doesNotContain(A_YEAR);
    }

    /**
     * portal.js imports GOV.UK Frontend's script by its versioned address (a module's import is not rewritten): it
     * must be the version the portal ships, and it answers as the page's links do.
     */
    @Test
    void theScriptsImportIsOfTheGovukFrontendThePortalShips() throws Exception {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/static/js/portal.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher imported = Pattern.compile("from '(/webjars/[^']+)'").matcher(script);
        assertThat(imported.find()).as("portal.js imports GOV.UK Frontend").isTrue();
        String path = imported.group(1);
        assertThat(getClass().getResource("/META-INF/resources" + path)).as(path + " in the WebJar the portal ships").isNotNull();
        MockHttpServletResponse file = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(file.getStatus()).as(path).isEqualTo(200);
        assertThat(file.getHeader("Cache-Control")).as(path).contains(A_YEAR);
    }

}
