package org.reciprocity.portal.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class LiveRelayTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aNewInboxItemIsPassedOnAsEscapedHtmlUnderTheSessionsToken() throws Exception {
        STUB.answer("GET " + TB + "/inbox/stream", 200, "text/event-stream", "event:ready\ndata:{}\n\n"
                + "id:i9\nevent:inbox\ndata:{\"id\":\"i9\",\"kind\":\"THANK_YOU\",\"title\":\"Ali confirmed <your> 2 hours\","
                + "\"paragraphs\":[\"Thank you!\"]}\n\nevent:closed\ndata:{\"reason\":\"sign-in-expired\"}\n\n");
        MvcResult live = mvc.perform(get("/live").with(member("ana"))).andExpect(request().asyncStarted()).andReturn();
        live.getAsyncResult(Duration.ofSeconds(10).toMillis());
        String relayed = live.getResponse().getContentAsString();
        assertThat(relayed).contains("event:inbox", "Ali confirmed &lt;your&gt; 2 hours", "data-kind=\"THANK_YOU\"")
                .doesNotContain("sign-in-expired");
        assertThat(STUB.last("GET", TB + "/inbox/stream").authorization()).startsWith("Bearer ");
    }

    @Test
    void aStreamThatEndsAfterTheMemberSignedOutEndsQuietly() throws Exception {
        // the stream's end is an ASYNC dispatch of a request that was let in when it began; by then the
        // member may have signed out (or been erased), and refusing it only logged errors to nobody
        STUB.answer("GET " + TB + "/inbox/stream", 200, "text/event-stream", "event:ready\ndata:{}\n\n"
                + "event:closed\ndata:{\"reason\":\"sign-in-expired\"}\n\n");
        MvcResult live = mvc.perform(get("/live").with(member("ana"))).andExpect(request().asyncStarted()).andReturn();
        live.getAsyncResult(Duration.ofSeconds(10).toMillis());
        // signed out: no session, and nothing of the test's sign-in left on the request
        live.getRequest().getSession().invalidate();
        TestSecurityContextHolder.clearContext();
        java.util.Collections.list(live.getRequest().getAttributeNames()).stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains("security"))
                .forEach(live.getRequest()::removeAttribute);
        mvc.perform(asyncDispatch(live)).andExpect(status().isOk());
    }
}
