package org.reciprocity.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A whole page rendered: its WebJar links still carry the WebJar's version (the resource chain still sees them). */
class WebjarLinksPageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @Test
    void thePagesWebjarLinksAreStillVersioned() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("/webjars/htmx.org/dist/htmx.min.js").containsPattern("/webjars/htmx.org/[0-9][^/]*/dist/htmx.min.js")
                .containsPattern("/css/portal-[0-9a-f]{32}\\.css");
    }
}
