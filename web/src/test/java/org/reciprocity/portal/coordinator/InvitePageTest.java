package org.reciprocity.portal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class InvitePageTest extends PortalTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aMemberWhoIsNotACoordinatorCannotInvite() throws Exception {
        mvc.perform(get("/coordinator/invite").with(member("ana"))).andExpect(status().isForbidden());
    }

    @Test
    void aCoordinatorRegistersTheMemberThenAsksIdentityToInviteThem() throws Exception {
        STUB.answer("POST " + TB + "/members", 201, "application/json", "{\"id\":\"m-42\",\"displayName\":\"Bea\"}")
                .answer("POST " + TB + "/invitations", 201, "application/json", "{\"memberId\":\"m-42\",\"status\":\"INVITED\"}");
        mvc.perform(get("/coordinator/invite").with(member("cora", "MEMBER", "COORDINATOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"invite\"")));
        mvc.perform(post("/coordinator/invite").with(member("cora", "MEMBER", "COORDINATOR")).with(csrf())
                        .param("name", "Bea").param("email", "bea@example.org").param("kind", "NEIGHBOUR").param("language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"invited\"")));
        assertThat(STUB.last("POST", TB + "/members").body()).contains("\"displayName\":\"Bea\"", "\"kind\":\"NEIGHBOUR\"");
        assertThat(STUB.last("POST", TB + "/invitations").body())
                .contains("\"memberId\":\"m-42\"", "\"email\":\"bea@example.org\"", "\"language\":\"fr\"");
    }
}
