package org.reciprocity.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of a page's links go through the resource chain: static files' only (it versions them). */
class WebjarLinksTest {

    @Test
    void aWebjarLinkGoesThroughTheResourceChain() {
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/webjars/htmx.org/dist/htmx.min.js", "")).isTrue();
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/portal/webjars/htmx.org/dist/htmx.min.js", "/portal")).isTrue();
    }

    @Test
    void thePortalsOwnCssAndJsGoThroughTheResourceChain() {
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/css/portal.css", "")).isTrue();
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/js/portal.js", "")).isTrue();
    }

    @Test
    void aPageLinkIsNotLookedUpAsAResource() {
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/coordinator/listings/l-1/suggestions", "")).isFalse();
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/coordinator?kind=needs", "")).isFalse();
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/cssx", "")).isFalse();
        assertThat(WebjarLinks.OnlyWebjars.throughChain("/webjars/x.js", "/portal")).isFalse();
    }
}
