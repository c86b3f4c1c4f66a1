package org.reciprocity.portal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.reciprocity.portal.ServiceStub;
import org.reciprocity.portal.privacy.ReadReasonChoice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue's two reads run beside the page, on other threads, as the coordinator: with their token,
 * their language and the reason they gave, handed over from the page's thread. They never read the
 * page's request: Tomcat's is not safe to read from two threads (it builds its cookies lazily, without
 * a lock), and a read that did once saw a half-built cookie array, so half the queue went missing (CI,
 * stop 32). Here the request refuses any thread but its own, as Tomcat's can fail.
 */
class QueueReadsOffThePageThreadTest extends PortalTest {

    @TestConfiguration
    static class RequestReadOnItsOwnThreadOnly {
        @Bean
        FilterRegistrationBean<Filter> onlyThePageThread() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
                    chain.doFilter(new OwnThreadOnly((HttpServletRequest) request, Thread.currentThread()), response));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** A request that fails, as Tomcat's can, when a thread other than the page's reads its cookies or session. */
    static final class OwnThreadOnly extends HttpServletRequestWrapper {
        private final Thread owner;

        OwnThreadOnly(HttpServletRequest request, Thread owner) {
            super(request);
            this.owner = owner;
        }

        private void onItsOwnThread() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("the page's request was read on " + Thread.currentThread().getName());
            }
        }

        @Override
        public Cookie[] getCookies() {
            onItsOwnThread();
            return super.getCookies();
        }

        @Override
        public HttpSession getSession(boolean create) {
            onItsOwnThread();
            return super.getSession(create);
        }

        @Override
        public HttpSession getSession() {
            onItsOwnThread();
            return super.getSession();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void bothReadsGoAsTheCoordinatorInTheirLanguageWithTheirReasonAndNeverReadThePagesRequest() throws Exception {
        STUB.json("GET " + TB + "/coordinator/queue", QueuePageTest.BOTH_HALVES);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(ReadReasonChoice.class.getName(), "DISPUTE");
        STUB.clear();
        mvc.perform(get("/coordinator").param("lang", "fr").session(session)
                        .cookie(new Cookie("RECIPROCITY_LANG", "fr")).with(member("cora", "COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sam et Ali ne sont pas d’accord")))
                .andExpect(content().string(not(containsString("id=\"queue-missing\""))));

        List<ServiceStub.Received> reads = STUB.received().stream()
                .filter(read -> read.path().equals(TB + "/coordinator/queue")).toList();
        assertThat(reads).as("matching's read and the ledger's").hasSize(2).allSatisfy(read -> {
            assertThat(read.authorization()).startsWith("Bearer ");
            assertThat(read.language()).isEqualTo("fr");
            assertThat(read.readReason()).isEqualTo("DISPUTE");
        });
    }
}
