package org.reciprocity.portal.layout;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The links of a page go through the resource chain only when they are static files' links: a WebJar's (the
 * locator puts the WebJar's version in them) or the portal's own css and js (a hash of the file's content is
 * put in their name: {@code spring.web.resources.chain.strategy.content}). Every static file's address so
 * names its version, which is what lets a browser keep it for a year ({@code spring.web.resources.cache}).
 * Thymeleaf passes every {@code @{...}} link through the
 * response's {@code encodeURL}; Spring's {@link ResourceUrlEncodingFilter} (which Spring Boot
 * registers, and this one replaces) then looks each up as a static resource, because the static
 * mapping {@code /**} matches every path, and a link that is not a resource is looked up again on
 * every page (only found resources are cached): several failed lookups in the jar per link. On the
 * coordinator's queue that was 60% of the portal's CPU (docs/benchmarks/coordinator.md, run 7).
 */
@Configuration(proxyBeanMethods = false)
class WebjarLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> webjarLinksOnly() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new OnlyWebjars());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Spring's filter, with the page's other links handed straight to the response underneath. */
    static final class OnlyWebjars extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
                super.doFilter(request, response, chain);
                return;
            }
            String context = http.getContextPath();
            super.doFilter(request, response, (req, res) -> chain.doFilter(req,
                    new HttpServletResponseWrapper((HttpServletResponse) res) {
                        @Override
                        public String encodeURL(String url) {
                            return throughChain(url, context) ? super.encodeURL(url) : plain.encodeURL(url);
                        }
                    }));
        }

        /** Whether a link is one the resource chain rewrites: a WebJar's, or one of the portal's css or js files. */
        static boolean throughChain(String url, String contextPath) {
            return url != null && (url.startsWith(contextPath + "/webjars/") || url.startsWith(contextPath + "/css/")
                    || url.startsWith(contextPath + "/js/"));
        }
    }
}
