package org.reciprocity.portal.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;

/**
 * What every page needs (who is signed in, for the navigation by role), and what a page shows when a
 * service refuses it: 403 and 404 are plain words; anything else the service's detail in an error summary.
 */
@ControllerAdvice
public class LayoutAdvice {

    private final MessageSource messages;

    public LayoutAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("me")
    SignedIn me() {
        return SignedIn.current();
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ServiceRefusal.class)
    String refused(ServiceRefusal refusal, HttpServletResponse response, Model model) {
        if (refusal.status() == 401) {
            response.setStatus(401);
            return "error/signed-out";
        }
        if (refusal.status() == 403 || refusal.status() == 404) {
            response.setStatus(refusal.status());
            model.addAttribute("me", SignedIn.current());
            return "error/" + refusal.status();
        }
        response.setStatus(refusal.status() >= 500 ? 503 : refusal.status());
        model.addAttribute("me", SignedIn.current());
        model.addAttribute("errors", List.of(errorOf(refusal, null)));
        return "error/problem";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String away(HttpServletResponse response, Model model) {
        response.setStatus(503);
        model.addAttribute("me", SignedIn.current());
        model.addAttribute("errors", List.of(new PageError(null, text("error.unavailable"))));
        return "error/problem";
    }

    /** The refusal as one line of an error summary, linked to the field it is about when there is one. */
    public PageError errorOf(ServiceRefusal refusal, String field) {
        if (refusal.status() >= 500) {
            return new PageError(field, text("error.unavailable"));
        }
        String detail = refusal.detail();
        return new PageError(field, detail == null || detail.isBlank() ? text("error.refused") : detail);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
